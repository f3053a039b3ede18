package io.github.atstrust.testkit.pki;

import java.util.Locale;

/** Key types of the leaves the kit mints at runtime; each has a key pair in the fixture pool, so nothing is generated. */
public enum KeyType {
    RSA_1024, RSA_2048, EC_P256, EC_P384;

    /** The fixture pool's file prefix, e.g. {@code ec-p256}. */
    String poolPrefix() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
