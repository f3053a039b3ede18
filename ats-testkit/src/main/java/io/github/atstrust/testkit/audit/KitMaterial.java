package io.github.atstrust.testkit.audit;

import io.github.atstrust.testkit.pki.FakeAtsHierarchy;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.KeyType;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What in a store is the kit's, or pretends to be ATS, whatever its subject says: a certificate carrying one of the
 * keys the kit ships (every fake CA key and the leaf key pool are public, in ats-fixtures: anyone can sign with
 * them), and a certificate named like a real ATS anchor with another key (a lookalike).
 */
final class KitMaterial {

    /** Every public key the kit ships, encoded, with what it is. */
    private static final Map<ByteBuffer, String> KIT_KEYS = kitKeys();

    private KitMaterial() {
    }

    /** {@return which of the kit's keys {@code certificate} carries, e.g. {@code the fake CA amazon-root-ca-1}} */
    static Optional<String> kitKeyOf(X509Certificate certificate) {
        return Optional.ofNullable(KIT_KEYS.get(ByteBuffer.wrap(certificate.getPublicKey().getEncoded())));
    }

    /** {@return the real anchor whose name {@code certificate} bears while holding another key} */
    static Optional<RealAtsRoot> lookalikeOf(X509Certificate certificate) {
        return Arrays.stream(RealAtsRoot.values())
                .filter(real -> real.certificate().getSubjectX500Principal().equals(certificate.getSubjectX500Principal()))
                .filter(real -> !real.isSameAnchor(certificate)).findFirst();
    }

    private static Map<ByteBuffer, String> kitKeys() {
        FakeAtsHierarchy fake = FakeAtsHierarchy.load();
        Map<ByteBuffer, String> keys = new HashMap<>();
        for (FakeCa ca : FakeCa.values()) {
            keys.putIfAbsent(ByteBuffer.wrap(fake.certificate(ca).getPublicKey().getEncoded()), "the fake CA " + ca.id());
        }
        for (KeyType type : KeyType.values()) {
            keys.putIfAbsent(ByteBuffer.wrap(fake.leafKeyPair(type).getPublic().getEncoded()), "the kit's "
                    + type.name() + " leaf key");
        }
        return Map.copyOf(keys);
    }
}
