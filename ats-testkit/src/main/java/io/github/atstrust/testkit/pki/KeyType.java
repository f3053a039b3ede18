package io.github.atstrust.testkit.pki;

/** Key types of the leaves the kit mints at runtime; each has a key pair in the fixture pool, so nothing is generated. */
public enum KeyType {
    RSA_1024("RSA", 1024),
    RSA_2048("RSA", 2048),
    EC_P256("EC", 256),
    EC_P384("EC", 384);

    private final String algorithm;
    private final int bits;

    KeyType(String algorithm, int bits) {
        this.algorithm = algorithm;
        this.bits = bits;
    }

    /** JCA key algorithm, {@code RSA} or {@code EC}. */
    public String algorithm() {
        return algorithm;
    }

    /** Modulus or field size in bits. */
    public int bits() {
        return bits;
    }

    /** The fixture pool's file prefix, e.g. {@code ec-p256}. */
    String poolPrefix() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
