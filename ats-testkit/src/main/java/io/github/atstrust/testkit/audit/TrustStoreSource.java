package io.github.atstrust.testkit.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a trust store comes from: the running JVM's default, a file (PKCS12, JKS, PEM bundle), a directory of
 * PEM/CRT/DER files, or the OS bundle of a Docker image.
 *
 * <pre>TrustStoreSource.parse("/etc/ssl/certs", null).load()</pre>
 *
 * @param path        the file or directory; {@code null} for the JVM default or an image
 * @param password    key store password; {@code null} for {@value #DEFAULT_PASSWORD}
 * @param dockerImage an image whose CA bundle is read with the {@code docker} command, or {@code null}
 */
public record TrustStoreSource(Path path, char[] password, String dockerImage) {

    /** Where Linux images keep their OS CA bundle: Debian/Ubuntu/Alpine, then RHEL/Fedora. */
    public static final List<String> IMAGE_BUNDLES =
            List.of("/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt");

    /** What {@code keytool} and the JDK's cacerts use. */
    public static final String DEFAULT_PASSWORD = "changeit";

    /** The running JVM's default trust store, honouring {@code javax.net.ssl.trustStore}. */
    public static TrustStoreSource jvm() {
        return new TrustStoreSource(null, null, null);
    }

    /** A file or directory. */
    public static TrustStoreSource of(Path path, char[] password) {
        return new TrustStoreSource(Objects.requireNonNull(path, "path"), password, null);
    }

    /** The OS CA bundle of a Docker image, copied out with the {@code docker} command. */
    public static TrustStoreSource dockerImage(String image) {
        return new TrustStoreSource(null, null, Objects.requireNonNull(image, "image"));
    }

    /** {@code jvm}, {@code docker:IMAGE} or a path, as the CLI and {@code @RequiresAtsTrust} write it. */
    public static TrustStoreSource parse(String spec, char[] password) {
        if (spec.startsWith("docker:")) {
            return dockerImage(spec.substring("docker:".length()));
        }
        return "jvm".equals(spec) ? jvm() : of(Path.of(spec), password);
    }

    public boolean isJvm() {
        return path == null && dockerImage == null;
    }

    char[] passwordOrDefault() {
        return password == null ? DEFAULT_PASSWORD.toCharArray() : password;
    }

    /** Reads the store's certificates. */
    public LoadedTrustStore load() {
        return TrustStoreReader.read(this);
    }

    @Override
    public String toString() {
        return isJvm() ? "jvm" : dockerImage != null ? "docker:" + dockerImage : path.toString();
    }
}
