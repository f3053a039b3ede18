package io.github.atstrust.testkit.audit;

import io.github.atstrust.testkit.TestPem;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;

/** Inputs made to break parsers: deep ASN.1 nesting, and PEM after a flood of header lines. */
final class HostileEncodings {

    private HostileEncodings() {
    }

    /** {@code depth} SEQUENCEs around {@code inside}, with indefinite lengths (BER) or definite ones (DER). */
    static byte[] nested(int depth, boolean indefinite, byte[] inside) {
        if (indefinite) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < depth; i++) {
                out.write(0x30);
                out.write(0x80);
            }
            out.writeBytes(inside);
            for (int i = 0; i < depth; i++) {
                out.write(0);
                out.write(0);
            }
            return out.toByteArray();
        }
        byte[] current = inside;
        for (int i = 0; i < depth; i++) {
            int length = current.length;
            byte[] header = length < 0x80 ? new byte[] {0x30, (byte) length}
                    : length < 0x10000 ? new byte[] {0x30, (byte) 0x82, (byte) (length >> 8), (byte) length}
                    : new byte[] {0x30, (byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
            byte[] wrapped = new byte[header.length + length];
            System.arraycopy(header, 0, wrapped, 0, header.length);
            System.arraycopy(current, 0, wrapped, header.length, length);
            current = wrapped;
        }
        return current;
    }

    /** {@code headerLines} junk lines, a PEM block labelled {@code label} holding {@code der}, then a real root. */
    static String pemAfterHeaders(String label, byte[] der, int headerLines) {
        return "X-Junk: header line\n".repeat(headerLines) + "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + label + "-----\n"
                + TestPem.encode(List.of(RealAtsRoot.AMAZON_ROOT_CA_1.certificate()));
    }
}
