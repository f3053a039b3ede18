package io.github.atstrust.testkit.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atstrust.testkit.Prerequisites;
import io.github.atstrust.testkit.ProcessRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustProfilesTest {

    @Test
    void builtInProfilesHaveExactlyTheDesignIds() {
        assertThat(TrustProfiles.builtIn()).extracting(TrustProfile::id).containsExactly(
                "amazon-root-ca-1", "amazon-root-ca-2", "amazon-root-ca-3", "amazon-root-ca-4",
                "starfield-services-root-g2", "starfield-class-2", "all-ats", "no-ats");
    }

    @Test
    void unknownIdIsRejectedWithTheValidIds() {
        assertThatThrownBy(() -> TrustProfiles.byId("amazon-root-ca-5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("amazon-root-ca-5")
                .hasMessageContaining("starfield-class-2, all-ats, no-ats");
    }

    @Test
    void profilesHoldSelfSignedAnchorsOnly() {
        for (TrustProfile profile : TrustProfiles.builtIn()) {
            assertThat(profile.anchors()).as(profile.id()).isNotEmpty()
                    .allMatch(a -> a.getSubjectX500Principal().equals(a.getIssuerX500Principal()));
        }
        assertThat(TrustProfiles.byId("all-ats").anchors()).hasSize(6);
    }

    @Test
    void pkcs12AndJksExportsLoadBackWithTheirPasswordAndHoldTheSameAnchors(@TempDir Path dir) throws Exception {
        TrustProfile profile = TrustProfiles.byId("all-ats");

        KeyStore pkcs12 = load("PKCS12", profile.writePkcs12(dir.resolve("all.p12"), "s3cret".toCharArray()), "s3cret");
        KeyStore jks = load("JKS", profile.writeJks(dir.resolve("all.jks"), "s3cret".toCharArray()), "s3cret");

        for (KeyStore store : new KeyStore[] {pkcs12, jks}) {
            assertThat(Collections.list(store.aliases())).hasSize(6)
                    .allSatisfy(alias -> assertThat(store.isCertificateEntry(alias)).isTrue());
            assertThat(Collections.list(store.aliases()).stream().map(alias -> certificate(store, alias)))
                    .containsExactlyInAnyOrderElementsOf(profile.anchors());
        }
        assertThat(Collections.list(pkcs12.aliases())).contains("fake-amazon-root-ca-1", "fake-starfield-class-2-certification-authority");
    }

    @Test
    void pkcs12FileIsWrittenOnceAndLoadsWithTheDefaultPassword() throws Exception {
        TrustProfile profile = TrustProfiles.byId("starfield-services-root-g2");

        Path file = profile.pkcs12File();

        assertThat(profile.pkcs12File()).isSameAs(file);
        assertThat(Collections.list(load("PKCS12", file, TrustProfile.DEFAULT_PASSWORD).aliases())).hasSize(1);
    }

    @Test
    void exportedStoreRefusesAWrongPassword(@TempDir Path dir) throws Exception {
        Path file = TrustProfiles.byId("no-ats").writeJks(dir.resolve("no.jks"), "changeit".toCharArray());
        Path pkcs12 = TrustProfiles.byId("no-ats").writePkcs12(dir.resolve("no.p12"), "changeit".toCharArray());

        assertThatThrownBy(() -> load("JKS", file, "wrong")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> load("PKCS12", pkcs12, "wrong")).isInstanceOf(IOException.class)
                .hasMessageContaining("integrity");
    }

    @Test
    void pkcs12StoresWrittenInTurnUnderTwoPasswordsEachOpenOnlyWithTheirOwn(@TempDir Path dir) throws Exception {
        TrustProfile profile = TrustProfiles.byId("all-ats");

        Path first = profile.writePkcs12(dir.resolve("first.p12"), "changeit".toCharArray());
        Path other = profile.writePkcs12(dir.resolve("other.p12"), "s3cret".toCharArray());
        Path again = TrustProfiles.byId("no-ats").writePkcs12(dir.resolve("again.p12"), "changeit".toCharArray());

        assertThat(Collections.list(load("PKCS12", first, "changeit").aliases())).hasSize(6);
        assertThat(Collections.list(load("PKCS12", other, "s3cret").aliases())).hasSize(6);
        assertThat(load("PKCS12", again, "changeit").size()).isEqualTo(TrustProfiles.byId("no-ats").anchors().size());
        assertThatThrownBy(() -> load("PKCS12", other, "changeit")).isInstanceOf(IOException.class)
                .hasMessageContaining("integrity");
        assertThatThrownBy(() -> load("PKCS12", again, "s3cret")).isInstanceOf(IOException.class)
                .hasMessageContaining("integrity");
    }

    @Test
    void pkcs12StoreIsReadByOpensslWithItsMacAndUnencryptedCertificates(@TempDir Path dir) throws Exception {
        Prerequisites.requireTool("openssl", "version");
        Path file = TrustProfiles.byId("all-ats").writePkcs12(dir.resolve("all.p12"), "changeit".toCharArray());

        ProcessRun info = ProcessRun.run(List.of("openssl", "pkcs12", "-in", file.toString(), "-nokeys", "-info",
                "-passin", "pass:changeit"));
        ProcessRun wrong = ProcessRun.run(List.of("openssl", "pkcs12", "-in", file.toString(), "-nokeys",
                "-passin", "pass:wrong"));

        assertThat(info.exitCode()).as(info.output()).isZero();
        assertThat(info.output()).contains("MAC: sha256, Iteration 10000").doesNotContain("Encrypted data");
        assertThat(info.output().split("BEGIN CERTIFICATE", -1)).hasSize(7);
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.output()).contains("Mac verify error");
    }

    @Test
    void pemBundleHoldsEveryAnchor(@TempDir Path dir) throws Exception {
        Path bundle = TrustProfiles.byId("all-ats").writePemBundle(dir.resolve("all.pem"));

        assertThat(java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(Files.newInputStream(bundle))
                .stream().map(java.security.cert.X509Certificate.class::cast).toList())
                .containsExactlyElementsOf(TrustProfiles.byId("all-ats").anchors());
    }

    private static KeyStore load(String type, Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private static X509Certificate certificate(KeyStore store, String alias) {
        try {
            return (X509Certificate) store.getCertificate(alias);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
