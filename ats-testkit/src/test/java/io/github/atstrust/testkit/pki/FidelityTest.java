package io.github.atstrust.testkit.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;

/**
 * The fake twin against the real hierarchy, field by field (what a validator reads): every difference is one row of
 * the table in {@code docs/fidelity.md}, with its reason; a new difference, or a row that no longer is one, fails.
 */
class FidelityTest {

    private static final Path TABLE = Path.of("../docs/fidelity.md");

    /** Each fake CA with the real certificate it stands for (the kit's M01 of RSA 4096 and ECDSA 384: the published M02). */
    static Map<FakeCa, X509Certificate> twins() {
        Map<FakeCa, X509Certificate> twins = new LinkedHashMap<>();
        for (RealAtsRoot root : RealAtsRoot.values()) {
            twins.put(root.fakeTwin(), root.certificate());
        }
        for (RealAtsCertificate real : RealAtsCertificate.values()) {
            real.fakeTwin().ifPresent(fake -> twins.putIfAbsent(fake, real.certificate()));
        }
        twins.put(FakeCa.AMAZON_ROOT_CA_1_CROSS_G2_EXPIRED, RealAtsCertificate.AMAZON_ROOT_CA_1_CROSS_G2.certificate());
        twins.put(FakeCa.AMAZON_ROOT_CA_3_CROSS_G2_EXPIRED, RealAtsCertificate.AMAZON_ROOT_CA_3_CROSS_G2.certificate());
        twins.put(FakeCa.STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2_EXPIRED,
                RealAtsCertificate.STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2.certificate());
        return twins;
    }

    /** One field in which a fake certificate differs from its real twin. */
    record Difference(String fake, String real, String field, String fakeValue, String realValue) {
        String key() {
            return String.join(" | ", fake, field, fakeValue, realValue);
        }
    }

    static List<Difference> differences() throws Exception {
        List<Difference> differences = new ArrayList<>();
        for (Map.Entry<FakeCa, X509Certificate> twin : twins().entrySet()) {
            differences.addAll(compare(twin.getKey().id(), twin.getKey().certificate(), twin.getValue()));
        }
        differences.addAll(compare("minted leaf", mintedLeaf(), realLeaf()));
        return differences;
    }

    static List<Difference> compare(String fakeName, X509Certificate fake, X509Certificate real) throws Exception {
        String realName = name(real);
        Map<String, String> fakeFields = CertificateFields.of(fake);
        Map<String, String> realFields = CertificateFields.of(real);
        if (fake.getBasicConstraints() < 0) {
            // a leaf is minted at run time: its length of validity is what compares, not its days
            for (Map<String, String> fields : List.of(fakeFields, realFields)) {
                fields.remove("not before");
                fields.remove("not after");
            }
            fakeFields.put("validity", days(fake) + " days");
            realFields.put("validity", days(real) + " days");
        }
        List<Difference> differences = new ArrayList<>();
        for (String field : fakeFields.keySet()) {
            if (!Objects.equals(fakeFields.get(field), realFields.get(field))) {
                differences.add(new Difference(fakeName, realName, field, fakeFields.get(field), realFields.get(field)));
            }
        }
        for (String part : List.of("subject", "issuer")) {
            X500Name fakeDn = X500Name.getInstance(part.equals("subject") ? fake.getSubjectX500Principal().getEncoded()
                    : fake.getIssuerX500Principal().getEncoded());
            X500Name realDn = X500Name.getInstance(part.equals("subject") ? real.getSubjectX500Principal().getEncoded()
                    : real.getIssuerX500Principal().getEncoded());
            List<String> values = CertificateFields.unmarkedValueDifferences(fakeDn, realDn);
            if (!values.isEmpty()) {
                differences.add(new Difference(fakeName, realName, part + " values", String.join("; ", values), "-"));
            }
        }
        return differences;
    }

    @Test
    void everyDifferenceFromTheRealHierarchyIsListedWithItsReason() throws Exception {
        Set<String> found = new TreeSet<>();
        differences().forEach(d -> found.add(d.key()));
        Set<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(TABLE)) {
            List<String> cells = cells(line);
            if (cells.size() == 6 && !cells.get(0).equals("fake") && !cells.get(0).startsWith("---")) {
                assertThat(cells.get(5)).as("the reason of " + line).isNotBlank();
                listed.add(String.join(" | ", cells.get(0), cells.get(2), cells.get(3), cells.get(4)));
            }
        }
        Set<String> unlisted = new TreeSet<>(found);
        unlisted.removeAll(listed);
        Set<String> stale = new TreeSet<>(listed);
        stale.removeAll(found);
        assertThat(unlisted).as("differences from the real hierarchy missing from docs/fidelity.md (fix them, or add "
                + "the row with its reason: fake | field | fake value | real value)").isEmpty();
        assertThat(stale).as("rows of docs/fidelity.md that are no longer differences (remove them)").isEmpty();
        assertThat(listed).as("the table is read").isNotEmpty();
    }

    private static List<String> cells(String line) {
        if (!line.startsWith("|")) {
            return List.of();
        }
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split("\\|", -1)) {
            cells.add(cell.strip().replace("`", ""));
        }
        return cells;
    }

    private static long days(X509Certificate certificate) {
        return java.time.Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant())
                .toDays();
    }

    static String name(X509Certificate certificate) {
        for (RealAtsRoot root : RealAtsRoot.values()) {
            if (root.certificate().equals(certificate)) {
                return root.id();
            }
        }
        for (RealAtsCertificate real : RealAtsCertificate.values()) {
            if (real.certificate().equals(certificate)) {
                return real.id();
            }
        }
        return "ACM leaf by M03";
    }

    static X509Certificate mintedLeaf() {
        FakeAtsHierarchy fake = FakeAtsHierarchy.load();
        return fake.authority(FakeCa.AMAZON_RSA_2048_M01).issue(LeafSpec.forHosts("localhost"),
                fake.leafKeyPair(KeyType.RSA_2048), java.net.URI.create("http://127.0.0.1:1/crl/m01.crl"),
                java.net.URI.create("http://127.0.0.1:1/ocsp"), java.net.URI.create("http://127.0.0.1:1/ca/m01.cer"));
    }

    static X509Certificate realLeaf() throws Exception {
        try (var in = FidelityTest.class.getResourceAsStream("/real-leaf/acm-rsa-2048-m03-leaf.pem")) {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(in.readAllBytes()));
        }
    }
}
