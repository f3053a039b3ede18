package io.github.atstrust.testkit.audit;

import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Objects;

/**
 * Where a trust store comes from: the running JVM's default, a file (PKCS12, JKS, PEM bundle), a directory of
 * PEM/CRT/DER files, or the OS bundle of a Docker image.
 *
 * <pre>AuditReport report = TrustStoreAudit.audit(TrustStoreSource.parse("/etc/ssl/certs", null));</pre>
 *
 * @param path        the file or directory; {@code null} for the JVM default or an image
 * @param password    key store password; {@code null} for {@value #DEFAULT_PASSWORD}
 * @param dockerImage an image whose CA bundle is read with the {@code docker} command, or {@code null}
 * @param maxBytes    the largest file read (and the most a directory's files may add up to); bigger input is
 *                    refused as bad input, never read into memory
 */
public record TrustStoreSource(Path path, char[] password, String dockerImage, long maxBytes) {

    /**
     * The default {@link #maxBytes()}: 16 MiB. A JDK cacerts is about 200 KB and an OS bundle about 220 KB, so
     * only a wrong path (a log, an image, {@code /dev/zero}) comes near it; raise it with {@link #withMaxBytes}.
     */
    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

    private static final java.util.regex.Pattern IMAGE = java.util.regex.Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._/:@-]*");

    /**
     * Checks the size limit and the image name.
     *
     * @param path        the file or directory, or {@code null}
     * @param password    key store password, or {@code null} for the default
     * @param dockerImage an image name, or {@code null}
     * @param maxBytes    the largest input read, in bytes
     * @throws IllegalArgumentException for a limit that is not positive or a malformed image name
     */
    public TrustStoreSource {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("the size limit must be positive, was " + maxBytes + " bytes");
        }
        if (dockerImage != null && !IMAGE.matcher(dockerImage).matches()) {
            throw new IllegalArgumentException("docker:" + dockerImage + ": not an image name; write docker:NAME[:TAG], "
                    + "e.g. docker:debian:bookworm");
        }
    }

    /** Where Linux images keep their OS CA bundle: Debian/Ubuntu/Alpine, then RHEL/Fedora. */
    public static final List<String> IMAGE_BUNDLES =
            List.of("/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt");

    /** What {@code keytool} and the JDK's cacerts use. */
    public static final String DEFAULT_PASSWORD = "changeit";

    /** {@return the running JVM's default trust store, honouring {@code javax.net.ssl.trustStore}} */
    public static TrustStoreSource jvm() {
        return new TrustStoreSource(null, null, null, DEFAULT_MAX_BYTES);
    }

    /**
     * A file (PKCS12, JKS, PEM bundle, one DER or PEM certificate) or a directory of PEM/CRT/DER files.
     *
     * @param path     the file or directory
     * @param password key store password, or {@code null} for {@value #DEFAULT_PASSWORD}
     * @return the source
     */
    public static TrustStoreSource of(Path path, char[] password) {
        return new TrustStoreSource(Objects.requireNonNull(path, "path"), password, null, DEFAULT_MAX_BYTES);
    }

    /**
     * The OS CA bundle of a local Docker image, copied out with the {@code docker} command (never pulled).
     *
     * @param image e.g. {@code debian:bookworm}
     * @return the source
     */
    public static TrustStoreSource dockerImage(String image) {
        return new TrustStoreSource(null, null, Objects.requireNonNull(image, "image"), DEFAULT_MAX_BYTES);
    }

    /**
     * A source as the CLI and {@code @RequiresAtsTrust} write it.
     *
     * @param spec     {@code jvm}, {@code docker:IMAGE} or a path
     * @param password key store password, or {@code null}
     * @return the source
     */
    public static TrustStoreSource parse(String spec, char[] password) {
        if (spec.startsWith("docker:")) {
            return dockerImage(spec.substring("docker:".length()));
        }
        return "jvm".equals(spec) ? jvm() : of(Path.of(spec), password);
    }

    /**
     * The same source with another size limit.
     *
     * @param limit the largest input read, in bytes
     * @return a copy with that limit
     */
    public TrustStoreSource withMaxBytes(long limit) {
        return new TrustStoreSource(path, password, dockerImage, limit);
    }

    /** {@return whether this is the running JVM's default trust store} */
    public boolean isJvm() {
        return path == null && dockerImage == null;
    }

    char[] passwordOrDefault() {
        return password == null ? DEFAULT_PASSWORD.toCharArray() : password;
    }

    LoadedTrustStore read() {
        return TrustStoreReader.read(this);
    }

    /**
     * Reads the store into an in-memory key store with every certificate as a trusted entry under its name
     * (alias or file name), e.g. for {@code TrustProfile.mirrorOf}.
     *
     * @return a PKCS12 key store, not backed by any file
     * @throws InvalidTrustStoreException naming the file and the fix when it cannot be read
     */
    public KeyStore toKeyStore() {
        return read().toKeyStore();
    }

    @Override
    public String toString() {
        return isJvm() ? "jvm" : dockerImage != null ? "docker:" + dockerImage : path.toString();
    }
}
