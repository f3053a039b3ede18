package io.github.atstrust.testkit.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.audit.TrustStoreSource;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

class TrustProfileBuilderTest {

    @Test
    void everyJsseRepresentationIsDerivedOnceFromOneTrustManager() {
        TrustProfile profile = TrustProfile.builder("one").add(FakeCa.AMAZON_ROOT_CA_1).build();

        assertThat(profile.trustManager()).isSameAs(profile.trustManager());
        assertThat(profile.sslContext()).isSameAs(profile.sslContext());
        assertThat(profile.sslSocketFactory()).isSameAs(profile.sslSocketFactory());
        assertThat(profile.keyStore()).as("a key store can be changed: a new one each time").isNotSameAs(profile.keyStore());
    }

    @Test
    void platformTrustWithAtsReplacedIsTheMirrorOfTheJvmStore() {
        TrustProfile built = TrustProfile.builder(TrustProfile.MIRRORED).addPlatformTrust().replaceAtsWithTwins().build();
        TrustProfile mirror = TrustProfile.mirrorOf(TrustStoreSource.jvm().toKeyStore());

        assertThat(built.anchors()).containsExactlyInAnyOrderElementsOf(mirror.anchors());
        for (RealAtsRoot root : RealAtsRoot.values()) {
            assertThat(built.anchors()).as(root.displayName()).noneMatch(root::isSameAnchor)
                    .contains(root.fakeTwin().certificate());
        }
    }

    @Test
    void withoutReplacementTheRealRootsStayAndNoTwinIsAdded() {
        TrustProfile platform = TrustProfile.builder("platform").addPlatformTrust().build();

        assertThat(platform.anchors()).anyMatch(RealAtsRoot.AMAZON_ROOT_CA_1::isSameAnchor)
                .doesNotContain(FakeCa.AMAZON_ROOT_CA_1.certificate());
    }

    @Test
    void addedFakeCasAreKeptOnceAndInOrder() {
        X509Certificate other = FakeCa.OTHER_PUBLIC_ROOT.certificate();
        TrustProfile profile = TrustProfile.builder("mine").add(FakeCa.AMAZON_ROOT_CA_3).add(other)
                .add(FakeCa.AMAZON_ROOT_CA_3).replaceAtsWithTwins().description("my store").build();

        assertThat(profile.anchors()).containsExactly(FakeCa.AMAZON_ROOT_CA_3.certificate(), other);
        assertThat(profile.description()).isEqualTo("my store");
        assertThat(profile.trusts(other)).isTrue();
    }
}
