package io.github.atstrust.testkit.audit;

/**
 * Bounds the ASN.1 a trust source may hand a parser: at most {@value #MAX_DEPTH} levels of nesting, counting DER
 * that an OCTET or BIT STRING encapsulates, checked in one pass before any parser sees the bytes. Real stores
 * nest about 30 levels (a certificate inside a PKCS12 bag); 80 KB of nested indefinite-length BER would
 * otherwise overflow the JDK parser's stack, and take time quadratic in its size.
 */
final class Asn1Shape {

    /** The deepest nesting read. */
    static final int MAX_DEPTH = 64;

    private static final int UNREADABLE = -1;

    private Asn1Shape() {
    }

    /**
     * Checks the nesting of {@code bytes}.
     *
     * @throws InvalidTrustStoreException naming {@code name} when the encoding nests deeper than {@link #MAX_DEPTH}
     */
    static void check(byte[] bytes, String name) {
        try {
            scan(bytes, 0, bytes.length, 0, false);
        } catch (TooDeep e) {
            throw new InvalidTrustStoreException(name + ": ASN.1 nested more than " + MAX_DEPTH + " levels deep, which no "
                    + "certificate or trust store is; point at a real trust store");
        }
    }

    private static final class TooDeep extends RuntimeException {
        TooDeep() {
            super(null, null, false, false);
        }
    }

    /**
     * Scans the TLVs in {@code [from, to)}; returns the position after them, or {@link #UNREADABLE} when they are
     * not well-formed (then they are data, not ASN.1, and no parser will descend into them). With
     * {@code untilEndOfContents}, stops after the end-of-contents octets of an indefinite length.
     */
    private static int scan(byte[] b, int from, int to, int depth, boolean untilEndOfContents) {
        if (depth > MAX_DEPTH) {
            throw new TooDeep();
        }
        int p = from;
        while (p < to) {
            if (untilEndOfContents && p + 1 < to && b[p] == 0 && b[p + 1] == 0) {
                return p + 2;
            }
            int tag = b[p++] & 0xff;
            boolean constructed = (tag & 0x20) != 0;
            if ((tag & 0x1f) == 0x1f) {
                for (int i = 0; p < to && (b[p] & 0x80) != 0; i++, p++) {
                    if (i > 4) {
                        return UNREADABLE;
                    }
                }
                p++;
            }
            if (p >= to) {
                return UNREADABLE;
            }
            int first = b[p++] & 0xff;
            if (first == 0x80) {
                if (!constructed) {
                    return UNREADABLE;
                }
                p = scan(b, p, to, depth + 1, true);
                if (p == UNREADABLE) {
                    return UNREADABLE;
                }
                continue;
            }
            long length = first;
            if (first > 0x80) {
                int octets = first & 0x7f;
                if (octets > 4 || p + octets > to) {
                    return UNREADABLE;
                }
                length = 0;
                for (int i = 0; i < octets; i++) {
                    length = (length << 8) | (b[p++] & 0xff);
                }
            }
            if (length > to - p) {
                return UNREADABLE;
            }
            int end = p + (int) length;
            if (constructed) {
                if (scan(b, p, end, depth + 1, false) == UNREADABLE) {
                    return UNREADABLE;
                }
            } else if ((tag == 0x04 || tag == 0x03) && length > 2) {
                // an OCTET or BIT STRING may encapsulate DER that a parser reads next (extensions, PKCS12 bags)
                scan(b, tag == 0x03 ? p + 1 : p, end, depth + 1, false);
            }
            p = end;
        }
        return untilEndOfContents ? UNREADABLE : p;
    }
}
