package io.github.atstrust.testkit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atstrust.testkit.TestPem;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deep ASN.1 nesting (#24 item 8) is bad input with one clear message, in every form a parser would meet it,
 * and one such file in a directory is an unreadable entry, not a failed audit. Before, 80 KB of nested BER
 * overflowed the JDK parser's stack (exit 3) after time quadratic in its size.
 */
class HostileEncodingsTest {

    @TempDir
    Path dir;

    @Test
    void nestedIndefiniteLengthBerIsRefusedNamingTheFile() throws Exception {
        Path file = Files.write(dir.resolve("n.der"), HostileEncodings.nested(20_000, true, new byte[0]));

        assertThatThrownBy(() -> TrustStoreAudit.audit(TrustStoreSource.of(file, null)))
                .isInstanceOf(InvalidTrustStoreException.class).hasMessageStartingWith(file.toString())
                .hasMessageContaining("nested more than 64 levels deep");
    }

    @Test
    void deepDefiniteNestingInsideAnOctetStringIsRefused() throws Exception {
        byte[] deep = HostileEncodings.nested(5_000, false, new byte[] {0x05, 0x00});
        byte[] octets = new byte[deep.length + 4];
        octets[0] = 0x04;
        octets[1] = (byte) 0x82;
        octets[2] = (byte) (deep.length >> 8);
        octets[3] = (byte) deep.length;
        System.arraycopy(deep, 0, octets, 4, deep.length);
        Path file = Files.write(dir.resolve("wrapped.p12"), HostileEncodings.nested(3, false, octets));

        assertThatThrownBy(() -> TrustStoreAudit.audit(TrustStoreSource.of(file, null)))
                .isInstanceOf(InvalidTrustStoreException.class).hasMessageContaining("nested more than 64 levels deep");
    }

    @Test
    void nestedBerInACertificateBlockAfterTenThousandHeaderLinesIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("bundle.pem"), HostileEncodings.pemAfterHeaders("CERTIFICATE",
                HostileEncodings.nested(20_000, true, new byte[0]), 10_000));

        assertThatThrownBy(() -> TrustStoreAudit.audit(TrustStoreSource.of(file, null)))
                .isInstanceOf(InvalidTrustStoreException.class).hasMessageStartingWith(file.toString())
                .hasMessageContaining("nested more than 64 levels deep");
    }

    @Test
    void oneNestedFileInADirectoryIsAnUnreadableEntryAndTheFakeRootBesideItStillFails() throws Exception {
        Files.write(dir.resolve("n.der"), HostileEncodings.nested(20_000, true, new byte[0]));
        Files.writeString(dir.resolve("fake.pem"), TestPem.encode(List.of(FakeCa.AMAZON_ROOT_CA_1.certificate())));
        Files.writeString(dir.resolve("real.pem"), TestPem.encode(List.of(RealAtsRoot.AMAZON_ROOT_CA_1.certificate())));

        AuditReport report = TrustStoreAudit.audit(TrustStoreSource.of(dir, null));

        assertThat(report.findings()).anySatisfy(f -> assertThat(f.kind()).isEqualTo(AuditFinding.Kind.UNREADABLE_ENTRY))
                .anySatisfy(f -> assertThat(f.kind()).isEqualTo(AuditFinding.Kind.FAKE_TEST_ROOT));
        assertThat(report.findings()).filteredOn(f -> f.kind() == AuditFinding.Kind.UNREADABLE_ENTRY)
                .singleElement().satisfies(f -> assertThat(f.toString()).contains("n.der").contains("nested"));
    }

    @Test
    void realStoresNestAsDeepAsTheyNeedWithinTheBound() throws Exception {
        Path p12 = dir.resolve("all.p12");
        io.github.atstrust.testkit.trust.TrustProfiles.byId("all-ats").writePkcs12(p12, "changeit".toCharArray());

        assertThat(TrustStoreAudit.audit(TrustStoreSource.of(p12, "changeit".toCharArray())).certificateCount()).isEqualTo(6);
        assertThat(TrustStoreAudit.audit(TrustStoreSource.jvm()).verdict()).isEqualTo(Verdict.READY);
    }
}
