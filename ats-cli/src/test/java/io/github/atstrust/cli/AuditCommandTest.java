package io.github.atstrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.atstrust.testkit.TestPem;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.FakeAtsHierarchy;
import io.github.atstrust.testkit.pki.KeyType;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ats audit} and {@code ats diff}: exit codes, output, and one clear line for every bad input. */
class AuditCommandTest {

    @TempDir
    Path dir;

    @Test
    void asOfJudgesTheStoreOnALaterDayByTheRealEndDates(@TempDir Path dir) throws Exception {
        Path classTwoOnly = Files.writeString(dir.resolve("class2.pem"), TestPem.encode(List.of(RealAtsRoot.STARFIELD_CLASS_2.certificate())));

        CliRun jvm = CliRun.of("audit", "--as-of", "2034-07-01", "jvm");
        CliRun classTwo = CliRun.of("audit", "--as-of", "2034-07-01", "--require", "any-guide-anchor", classTwoOnly.toString());
        CliRun today = CliRun.of("audit", "--json", classTwoOnly.toString());

        assertThat(jvm.exitCode()).as(jvm.out()).isZero();
        assertThat(jvm.out()).contains("Judged for:  2034-07-01").contains("READY")
                .contains("holds until 2038-01-17").contains("Amazon Root CA 1 ends 2038-01-17");
        assertThat(classTwo.exitCode()).as("the guides' rule, judged when the Class 2 cross-sign has ended: %s", classTwo.out())
                .isEqualTo(1);
        assertThat(classTwo.out()).contains("NOT_READY");
        JsonNode report = new ObjectMapper().readTree(today.out()).get(0);
        assertThat(report.get("verdict").asText()).isEqualTo("DEGRADED");
        assertThat(report.get("verdictHoldsUntil").asText()).isEqualTo("2034-06-28");
        assertThat(report.get("anchors").get(5).get("notAfter").asText()).isEqualTo("2034-06-29");
    }

    @Test
    void asOfWithoutADayIsBadInputNamingTheFormat() {
        CliRun run = CliRun.of("audit", "--as-of", "next year", "jvm");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--as-of next year").contains("YYYY-MM-DD");
    }

    @Test
    void aClasspathStoreIsReadAsJunitReadsIt() {
        CliRun run = CliRun.of("audit", "classpath:io/github/atstrust/fixtures/real/amazon-root-ca-1.pem");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("classpath:io/github/atstrust/fixtures/real/amazon-root-ca-1.pem")
                .contains("Verdict: DEGRADED");
    }

    @Test
    void aMissingClasspathStoreIsBadInputNamingTheResource() {
        CliRun run = CliRun.of("audit", "classpath:no/such/store.p12");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("classpath:no/such/store.p12").contains("no such resource");
    }

    @Test
    void jvmStoreIsReadyWithExitZeroAndATable() {
        CliRun run = CliRun.of("audit", "jvm");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Amazon Root CA 1").contains("8ECDE6884F3D87B1").contains("Verdict: READY");
    }

    @Test
    void storeTrustingOnlyStarfieldClass2ExitsOneAndShowsTheFix() throws Exception {
        Path store = store("class2.p12", RealAtsRoot.STARFIELD_CLASS_2);

        CliRun run = CliRun.of("audit", store.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Verdict: DEGRADED")
                .contains("keytool -importcert -noprompt -alias amazonrootca1 -file AmazonRootCA1.pem -keystore " + store)
                .as("only commands that apply to a key store").doesNotContain("update-ca-certificates")
                .doesNotContain("certutil");
    }

    @Test
    void aStoreJudgedAfterItsAnchorsEndSaysTheyEndedNotThatItHoldsNone() throws Exception {
        Path bundle = Files.writeString(dir.resolve("real.pem"), TestPem.encode(Arrays.stream(RealAtsRoot.values())
                .map(RealAtsRoot::certificate).toList()));

        CliRun run = CliRun.of("audit", "--as-of", "2041-01-01", bundle.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("NOT_READY on 2041-01-01: no ATS anchor it holds is valid that day")
                .contains("Amazon Root CA 1 ended 2038-01-17").doesNotContain("holds none of");
    }

    @Test
    void aStoreJudgedBeforeItsAnchorsBeganIsNotReady() throws Exception {
        Path bundle = Files.writeString(dir.resolve("real.pem"), TestPem.encode(Arrays.stream(RealAtsRoot.values())
                .map(RealAtsRoot::certificate).toList()));

        CliRun run = CliRun.of("audit", "--as-of", "1900-01-01", bundle.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Verdict: NOT_READY on 1900-01-01").contains("is valid only from");
    }

    @Test
    void aPemBundleMissingRootsGetsTheBundleAndOsStoreCommands() throws Exception {
        Path bundle = Files.writeString(dir.resolve("bundle.pem"),
                TestPem.encode(List.of(RealAtsRoot.STARFIELD_CLASS_2.certificate())));

        CliRun run = CliRun.of("audit", bundle.toString());

        assertThat(run.out()).contains("cat AmazonRootCA1.pem >> " + bundle).contains("update-ca-certificates")
                .doesNotContain("keytool");
    }

    @Test
    void storeWithAFakeTestRootExitsOne() throws Exception {
        Path bundle = dir.resolve("bundle.pem");
        Files.writeString(bundle, TestPem.encode(List.of(RealAtsRoot.STARFIELD_SERVICES_ROOT_G2.certificate(),
                FakeCa.STARFIELD_CLASS_2.certificate())));

        CliRun run = CliRun.of("audit", bundle.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL").contains("TEST ONLY");
    }

    @Test
    void jsonOutputHasTheDocumentedShape() throws Exception {
        CliRun run = CliRun.of("audit", "--json", "jvm", store("none.p12").toString());

        JsonNode reports = new ObjectMapper().readTree(run.out());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).get("verdict").asText()).isEqualTo("READY");
        assertThat(reports.get(0).get("trustsAts").asBoolean()).isTrue();
        assertThat(reports.get(0).get("anchors")).hasSize(6);
        assertThat(reports.get(0).get("anchors").get(0).get("sha256").asText()).isEqualTo(RealAtsRoot.AMAZON_ROOT_CA_1.sha256Fingerprint());
        assertThat(reports.get(0).get("roots").get(3).get("acmChainsSince2024").asBoolean()).isTrue();
        assertThat(reports.get(1).get("verdict").asText()).isEqualTo("NOT_READY");
    }

    @Test
    void jsonFindingsCarryTheDocumentedKindsWithTheirEntries() throws Exception {
        Path certificates = Files.createDirectory(dir.resolve("certs"));
        Files.writeString(certificates.resolve("g2.pem"), TestPem.encode(List.of(RealAtsRoot.STARFIELD_SERVICES_ROOT_G2.certificate())));
        Files.writeString(certificates.resolve("old-cross.pem"),
                TestPem.encode(List.of(FakeCa.AMAZON_ROOT_CA_1_CROSS_G2_EXPIRED.certificate())));
        Files.writeString(certificates.resolve("broken.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");

        CliRun run = CliRun.of("audit", "--json", certificates.toString());

        JsonNode findings = new ObjectMapper().readTree(run.out()).get(0).get("findings");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(findings).extracting(f -> f.get("kind").asText())
                .containsExactlyInAnyOrder("FAKE_TEST_ROOT", "EXPIRED_ANCHOR", "UNREADABLE_ENTRY");
        assertThat(findings).extracting(f -> f.get("kind").asText() + ":" + f.get("failure").asBoolean())
                .contains("FAKE_TEST_ROOT:true", "EXPIRED_ANCHOR:false", "UNREADABLE_ENTRY:false");
        assertThat(findings).allSatisfy(f -> assertThat(f.get("entry").asText()).isNotBlank());
        assertThat(findings).allSatisfy(f -> assertThat(f.get("message").asText()).isNotBlank());
    }

    @Test
    void diffExitsOneOnARegressionAndZeroOtherwise() throws Exception {
        Path both = store("both.p12", RealAtsRoot.AMAZON_ROOT_CA_1, RealAtsRoot.STARFIELD_SERVICES_ROOT_G2);
        Path fewer = store("fewer.p12", RealAtsRoot.AMAZON_ROOT_CA_1);

        CliRun worse = CliRun.of("diff", both.toString(), fewer.toString());
        CliRun better = CliRun.of("diff", fewer.toString(), both.toString());
        CliRun same = CliRun.of("diff", both.toString(), both.toString());

        assertThat(worse.exitCode()).isEqualTo(1);
        assertThat(worse.out()).contains("Removed ATS anchors: Starfield Services Root Certificate Authority - G2")
                .contains("REGRESSION");
        assertThat(better.exitCode()).isZero();
        assertThat(same.exitCode()).isZero();
    }

    @Test
    void requireFollowsTheUsersStatedNeedForVerdictAndExitCode() throws Exception {
        Path class2 = store("class2-only.p12", RealAtsRoot.STARFIELD_CLASS_2);
        Path root1 = store("root1-only.p12", RealAtsRoot.AMAZON_ROOT_CA_1);

        CliRun guides = CliRun.of("audit", "--require", "any-guide-anchor", class2.toString());
        CliRun acmRoot1 = CliRun.of("audit", "--require", "amazon-root-ca-1", class2.toString());
        CliRun root1ForRoot1 = CliRun.of("audit", "--require", "amazon-root-ca-1", root1.toString());
        CliRun root1ForAll = CliRun.of("audit", root1.toString());

        assertThat(guides.exitCode()).as(guides.out()).isZero();
        assertThat(guides.out()).contains("Requirement 'any-guide-anchor': met")
                .contains("ACM chains since August 2024 anchored at Amazon Root CA 1 fail");
        assertThat(acmRoot1.exitCode()).isEqualTo(1);
        assertThat(acmRoot1.out()).contains("Requirement 'amazon-root-ca-1': NOT met");
        assertThat(root1ForRoot1.exitCode()).as(root1ForRoot1.out()).isZero();
        assertThat(root1ForAll.exitCode()).isEqualTo(1);
        assertThat(root1ForAll.out()).contains("Endpoints whose certificates chain to Amazon Root CA 2 fail");
    }

    @Test
    void diffWithARequirementCountsOnlyLosingIt() throws Exception {
        Path both = store("both-roots.p12", RealAtsRoot.AMAZON_ROOT_CA_1, RealAtsRoot.STARFIELD_SERVICES_ROOT_G2);
        Path root1 = store("root1.p12", RealAtsRoot.AMAZON_ROOT_CA_1);
        Path class2 = store("class2.p12", RealAtsRoot.STARFIELD_CLASS_2);

        CliRun stillMeets = CliRun.of("diff", "--require", "amazon-root-ca-1", both.toString(), root1.toString());
        CliRun loses = CliRun.of("diff", "--require", "amazon-root-ca-1", root1.toString(), class2.toString());

        assertThat(stillMeets.exitCode()).as(stillMeets.out()).isZero();
        assertThat(loses.exitCode()).as(loses.out()).isEqualTo(1);
        assertThat(loses.out()).contains("no longer meets the requirement 'amazon-root-ca-1'");
    }

    @Test
    void unknownRequirementIsBadInputNamingTheAcceptedValues() {
        CliRun run = CliRun.of("audit", "--require", "root-9", "jvm");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("root-9").contains("any-guide-anchor").contains("amazon-root-ca-1");
    }

    @Test
    void missingPath() {
        assertBadInput(dir.resolve("nope.p12"), "no such file");
    }

    @Test
    void socketIsRefusedWithoutOpeningIt() throws Exception {
        Path socket = dir.resolve("store.sock");
        try (ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.bind(UnixDomainSocketAddress.of(socket));
            assertBadInput(socket, "not a regular file or directory");
        }
    }

    @Test
    void emptyFile() throws Exception {
        assertBadInput(Files.createFile(dir.resolve("empty.pem")), "empty");
    }

    @Test
    void truncatedPem() throws Exception {
        String pem = TestPem.encode(List.of(RealAtsRoot.AMAZON_ROOT_CA_1.certificate()));
        assertBadInput(Files.writeString(dir.resolve("cut.pem"), pem.substring(0, pem.length() / 2)), "truncated PEM");
    }

    @Test
    void garbageBytes() throws Exception {
        byte[] garbage = new byte[512];
        new Random(7).nextBytes(garbage);
        garbage[0] = 0x7f;
        assertBadInput(Files.write(dir.resolve("garbage.bin"), garbage), "neither a PEM bundle nor a PKCS12/JKS");
    }

    @Test
    void pemWithOnlyAPrivateKey() throws Exception {
        String pkcs8 = TestPem.encode(List.of(new JcaPKCS8Generator(
                FakeAtsHierarchy.load().leafKeyPair(KeyType.RSA_2048).getPrivate(), null)));
        assertBadInput(Files.writeString(dir.resolve("key.pem"), pkcs8), "private key but no certificate");
    }

    @Test
    void pemWithOnlyATraditionalEcPrivateKey() throws Exception {
        String traditional = TestPem.encode(List.of(FakeAtsHierarchy.load().leafKeyPair(KeyType.EC_P256).getPrivate()));
        assertBadInput(Files.writeString(dir.resolve("ec-key.pem"), traditional), "private key but no certificate");
    }

    @Test
    void wrongKeystorePassword() throws Exception {
        Path store = TrustProfiles.byId("all-ats").writePkcs12(dir.resolve("store.p12"), "right".toCharArray());
        assertBadInput(store, "wrong password", "--password", "wrong");
    }

    @Test
    void keystoreTypeThatDoesNotMatchItsExtension() throws Exception {
        Path pkcs12NamedJks = TrustProfiles.byId("all-ats").writePkcs12(dir.resolve("store.jks"), "changeit".toCharArray());
        assertBadInput(pkcs12NamedJks, "the name says JKS but the content is PKCS12");
    }

    @Test
    void directoryWithoutCertificates() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Files.writeString(empty.resolve("readme.txt"), "nothing here");
        assertBadInput(empty, "no readable certificate");
    }

    private void assertBadInput(Path input, String reason, String... options) {
        byte[] before = Files.isRegularFile(input) ? read(input) : null;
        String[] args = new String[options.length + 2];
        args[0] = "audit";
        System.arraycopy(options, 0, args, 1, options.length);
        args[args.length - 1] = input.toString();

        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains(input.toString()).contains(reason);
        assertThat(run.err().lines()).hasSize(1);
        if (before != null) {
            assertThat(Arrays.equals(before, read(input))).as("input unchanged").isTrue();
        }
    }

    @Test
    void htmlDrawsTheStoresAnchorsAndTheDayJudgedAndReplacesOnlyItsOwnPage() throws Exception {
        Path store = store("class2.p12", RealAtsRoot.STARFIELD_CLASS_2);
        Path page = dir.resolve("audit.html");

        CliRun first = CliRun.of("audit", "--html", page.toString(), "--as-of", "2030-01-01", store.toString());
        String drawn = Files.readString(page);
        CliRun again = CliRun.of("audit", "--html", page.toString(), store.toString());

        assertThat(first.exitCode()).as(first.err()).isEqualTo(1);
        assertThat(first.out()).as("the text verdict is printed as before").contains("DEGRADED");
        assertThat(drawn).contains("<meta name=\"generator\" content=\"ATS Trust Kit\">")
                .contains("class=\"node anchor\" data-ca=\"Starfield Class 2 Certification Authority\"")
                .contains("class=\"as-of\" data-day=\"2030-01-01\"").contains("class=\"holds-until\" data-day=\"2034-06-28\"")
                .contains("data-root=\"amazon-root-ca-1\" data-shape=\"acm-2024\">not trusted");
        assertThat(again.exitCode()).as("its own page is replaced: %s", again.err()).isEqualTo(1);
        assertThat(Files.readString(page)).doesNotContain("data-day=\"2030-01-01\"");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file left").containsExactlyInAnyOrder(
                    "class2.p12", "audit.html");
        }
    }

    @Test
    void diffHtmlShowsBeforeAndAfterSideBySide() throws Exception {
        Path before = store("all.p12", RealAtsRoot.values());
        Path after = store("class2.p12", RealAtsRoot.STARFIELD_CLASS_2);
        Path page = dir.resolve("diff.html");

        CliRun run = CliRun.of("diff", "--html", page.toString(), before.toString(), after.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(Files.readString(page)).contains("data-regression=\"true\"").contains("<div class=\"before\">")
                .contains("<div class=\"after\">").contains("data-verdict=\"READY\"").contains("data-verdict=\"DEGRADED\"");
    }

    private Path store(String name, RealAtsRoot... roots) throws Exception {
        return RealRootStores.write(dir, name, roots);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
