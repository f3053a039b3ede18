package io.github.atstrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.TestPem;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What reaches the terminal is shown, never obeyed (#24 item 10): a certificate subject or a file name carrying
 * escape sequences, a carriage return or a direction override (here in a fake root's subject, which the audit
 * names) is printed escaped, on the screen and in errors,
 * while {@code --json} stays valid JSON.
 */
class TerminalEscapingTest {

    private static final String HOSTILE = "evil\u001b[2J\u001b[H\rVerdict: READY\u202e";

    @TempDir
    Path dir;

    @Test
    void aSubjectWithEscapeSequencesIsPrintedEscaped() throws Exception {
        Path bundle = Files.writeString(dir.resolve("bundle.pem"), TestPem.encode(List.of(certificateNamed(HOSTILE))));

        CliRun run = CliRun.of("audit", bundle.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("evil\\u001b[2J\\u001b[H\\u000dVerdict: READY\\u202e")
                .doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u202e");
        assertThat(run.out().lines()).as("no forged verdict line").noneMatch(l -> l.startsWith("Verdict: READY"));
    }

    @Test
    void aFileNameWithControlCharactersIsEscapedInTheError() throws Exception {
        Path file = Files.writeString(dir.resolve("x\u001b[31mred\u0007.pem"), "");

        CliRun run = CliRun.of("audit", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("x\\u001b[31mred\\u0007.pem").doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void jsonOutputStaysValidJson() throws Exception {
        Path bundle = Files.writeString(dir.resolve("bundle.pem"), TestPem.encode(List.of(certificateNamed(HOSTILE))));

        CliRun run = CliRun.of("audit", "--json", bundle.toString());

        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(tree.path(0).path("findings").path(0).path("message").asText())
                .as("the subject, unescaped by the JSON reader").contains(HOSTILE);
        assertThat(run.out()).doesNotContain("\u001b").doesNotContain("\u202e");
    }

    private static X509Certificate certificateNamed(String commonName) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        var name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O,
                io.github.atstrust.testkit.pki.FakeAtsHierarchy.TEST_ONLY_ORGANISATION).addRDN(BCStyle.CN, commonName).build();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, new Date(0),
                new Date(System.currentTimeMillis() + 86_400_000L), name, keys.getPublic());
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
