package io.github.atstrust.cli;

import io.github.atstrust.testkit.audit.TrustStoreSource;
import io.github.atstrust.testkit.trust.TrustProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code ats export --mirror SOURCE --out FILE}: the mirror of one store in the format {@code FILE}'s extension names,
 * written beside it and linked into place, so that it appears complete or not at all and an existing file is never
 * replaced (the kit does not overwrite what is not its own).
 */
final class MirrorExport {

    private MirrorExport() {
    }

    /**
     * The mirror of a store as a profile.
     *
     * @param source as {@code ats audit} reads it
     * @param id     the profile's id, e.g. {@code mirror-1}
     * @throws IllegalArgumentException naming the store and the fix when it cannot be read
     */
    static TrustProfile of(String source, String id) {
        TrustStoreSource store = TrustStoreSource.parse(source, null);
        return TrustProfile.builder(id).description("mirror of " + store).addAll(store.toKeyStore()).replaceAtsWithTwins()
                .build();
    }

    static void write(String source, Path out, String password, PrintWriter terminal) throws IOException {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        String format = name.endsWith(".pem") || name.endsWith(".crt") ? "PEM bundle"
                : name.endsWith(".p12") || name.endsWith(".pfx") ? "PKCS12" : name.endsWith(".jks") ? "JKS" : null;
        if (format == null) {
            throw new IllegalArgumentException(out + ": name the format by the extension: .pem or .crt (a PEM bundle, for "
                    + "SSL_CERT_FILE, AWS_CA_BUNDLE, REQUESTS_CA_BUNDLE, NODE_EXTRA_CA_CERTS), .p12 or .jks (for "
                    + "javax.net.ssl.trustStore)");
        }
        if (Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(out + " exists; the kit never replaces a file it did not write: choose "
                    + "another --out or remove it first");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            throw new IllegalArgumentException(out + ": no directory " + parent + "; create it first");
        }
        TrustProfile mirror = of(source, TrustProfile.MIRRORED);
        Path staged = parent.resolve("." + out.getFileName() + ".ats-staging-" + ProcessHandle.current().pid());
        try {
            switch (format) {
                case "PEM bundle" -> mirror.writePemBundle(staged);
                case "PKCS12" -> mirror.writePkcs12(staged, password.toCharArray());
                default -> mirror.writeJks(staged, password.toCharArray());
            }
            Files.createLink(out, staged);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException(out + " appeared while the mirror was written; nothing was replaced: "
                    + "choose another --out", e);
        } finally {
            Files.deleteIfExists(staged);
        }
        terminal.printf("%s: the %s (%s, %d certificates; every real ATS root it holds replaced by its fake twin)%n", out,
                mirror.description(), format, mirror.anchors().size());
        terminal.printf("Point a stack at it with its fix line from ats doctor, FILE being %s, e.g. %s%n", out,
                format.equals("PEM bundle") ? "AWS_CA_BUNDLE=" + out : "JAVA_TOOL_OPTIONS=-Djavax.net.ssl.trustStore=" + out);
    }
}
