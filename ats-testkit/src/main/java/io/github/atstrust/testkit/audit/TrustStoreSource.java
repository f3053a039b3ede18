package io.github.atstrust.testkit.audit;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a trust store comes from: the running JVM's default, or a file (PKCS12, JKS, PEM bundle) or a
 * directory of PEM/CRT/DER files.
 *
 * <pre>TrustStoreSource.parse("/etc/ssl/certs", null).load()</pre>
 *
 * @param path     the file or directory; {@code null} for the JVM default
 * @param password key store password; {@code null} for {@value #DEFAULT_PASSWORD}
 */
public record TrustStoreSource(Path path, char[] password) {

    /** What {@code keytool} and the JDK's cacerts use. */
    public static final String DEFAULT_PASSWORD = "changeit";

    /** The running JVM's default trust store, honouring {@code javax.net.ssl.trustStore}. */
    public static TrustStoreSource jvm() {
        return new TrustStoreSource(null, null);
    }

    /** A file or directory. */
    public static TrustStoreSource of(Path path, char[] password) {
        return new TrustStoreSource(Objects.requireNonNull(path, "path"), password);
    }

    /** {@code jvm} or a path, as the CLI and {@code @RequiresAtsTrust} write it. */
    public static TrustStoreSource parse(String spec, char[] password) {
        return "jvm".equals(spec) ? jvm() : of(Path.of(spec), password);
    }

    public boolean isJvm() {
        return path == null;
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
        return isJvm() ? "jvm" : path.toString();
    }
}
