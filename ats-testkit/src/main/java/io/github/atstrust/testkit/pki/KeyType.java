package io.github.atstrust.testkit.pki;

import java.util.Locale;

/** Key types of the leaves the kit mints at runtime; each has a key pair in the fixture pool, so nothing is generated. */
public enum KeyType {
    /** RSA 1024: too weak for current clients (the {@code weak-key} scenario). */
    RSA_1024,
    /** RSA 2048, the default. */
    RSA_2048,
    /** EC P-256 (secp256r1). */
    EC_P256,
    /** EC P-384 (secp384r1). */
    EC_P384;

    /** The fixture pool's file prefix, e.g. {@code ec-p256}. */
    String poolPrefix() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
