package io.github.atstrust.testkit.audit;

import io.github.atstrust.testkit.trust.TrustProfile;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a trust store comes from, in the one grammar the CLI and {@code @RequiresAtsTrust} share: {@code jvm} (the
 * running JVM's default), a path to a file (PKCS12, JKS, PEM bundle, one DER or PEM certificate) or a directory of
 * certificates, {@code classpath:RESOURCE}, or {@code docker:IMAGE} (the OS bundle of a local Docker image).
 *
 * <pre>AuditReport report = TrustStoreAudit.audit(TrustStoreSource.parse("/etc/ssl/certs", null));</pre>
 *
 * Every source reads at most {@link #maxBytes()}: bigger input is refused as bad input, never read into memory.
 */
public sealed interface TrustStoreSource permits JvmTrustStore, FileTrustStore, ClasspathTrustStore, ImageTrustStore {

    /**
     * The default {@link #maxBytes()}: 16 MiB. A JDK cacerts is about 200 KB and an OS bundle about 220 KB, so
     * only a wrong path (a log, an image, {@code /dev/zero}) comes near it; raise it with {@link #withMaxBytes}.
     */
    long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

    /** Where Linux images keep their OS CA bundle: Debian/Ubuntu/Alpine, then RHEL/Fedora. */
    List<String> IMAGE_BUNDLES = List.of("/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt");

    /** {@return the running JVM's default trust store, honouring {@code javax.net.ssl.trustStore}} */
    static TrustStoreSource jvm() {
        return new JvmTrustStore(DEFAULT_MAX_BYTES);
    }

    /**
     * A file (PKCS12, JKS, PEM bundle, one DER or PEM certificate) or a directory of PEM/CRT/DER files.
     *
     * @param path     the file or directory
     * @param password key store password, or {@code null} for {@code changeit} ({@code TrustProfile.DEFAULT_PASSWORD}, as {@code keytool} and the JDK use)
     * @return the source
     */
    static TrustStoreSource of(Path path, char[] password) {
        return new FileTrustStore(Objects.requireNonNull(path, "path"), password == null ? TrustProfile.DEFAULT_PASSWORD : new String(password),
                DEFAULT_MAX_BYTES);
    }

    /**
     * A trust store on the class path of the current thread's context class loader (a file format, as for
     * {@link #of}: the resource name's extension tells PKCS12 from JKS).
     *
     * @param resource e.g. {@code truststore.p12} (a leading {@code /} is ignored)
     * @param password key store password, or {@code null} for {@code changeit} ({@code TrustProfile.DEFAULT_PASSWORD}, as {@code keytool} and the JDK use)
     * @return the source
     */
    static TrustStoreSource classpath(String resource, char[] password) {
        String name = Objects.requireNonNull(resource, "resource").startsWith("/") ? resource.substring(1) : resource;
        if (name.isEmpty()) {
            throw new IllegalArgumentException("classpath: names no resource; write classpath:RESOURCE, e.g. "
                    + "classpath:truststore.p12");
        }
        return new ClasspathTrustStore(name, password == null ? TrustProfile.DEFAULT_PASSWORD : new String(password), DEFAULT_MAX_BYTES);
    }

    /**
     * The OS CA bundle of a local Docker image, copied out with the {@code docker} command (never pulled).
     *
     * @param image e.g. {@code debian:bookworm}
     * @return the source
     * @throws IllegalArgumentException for a malformed image name
     */
    static TrustStoreSource dockerImage(String image) {
        return new ImageTrustStore(Objects.requireNonNull(image, "image"), DEFAULT_MAX_BYTES);
    }

    /**
     * A source as the CLI and {@code @RequiresAtsTrust} write it.
     *
     * @param spec     {@code jvm}, {@code classpath:RESOURCE}, {@code docker:IMAGE}, or a path ({@code file:PATH} too)
     * @param password key store password, or {@code null} (or empty) for {@code changeit} ({@code TrustProfile.DEFAULT_PASSWORD}, as {@code keytool} and the JDK use)
     * @return the source
     * @throws IllegalArgumentException for an empty spec, a malformed image name or an empty resource name
     */
    static TrustStoreSource parse(String spec, char[] password) {
        Objects.requireNonNull(spec, "spec");
        char[] secret = password == null || password.length == 0 ? null : password;
        if (spec.isBlank()) {
            throw new IllegalArgumentException("an empty trust store: write jvm, a path, classpath:RESOURCE or docker:IMAGE");
        } else if (spec.equals("jvm")) {
            return jvm();
        } else if (spec.startsWith("docker:")) {
            return dockerImage(spec.substring("docker:".length()));
        } else if (spec.startsWith("classpath:")) {
            return classpath(spec.substring("classpath:".length()), secret);
        } else if (spec.startsWith("file:")) {
            return of(Path.of(spec.substring("file:".length())), secret);
        }
        return of(Path.of(spec), secret);
    }

    /** {@return the largest input read, in bytes (for a directory: what its files may add up to)} */
    long maxBytes();

    /**
     * The same source with another size limit.
     *
     * @param limit the largest input read, in bytes
     * @return a copy with that limit
     * @throws IllegalArgumentException when not positive
     */
    TrustStoreSource withMaxBytes(long limit);

    /** {@return whether this is the running JVM's default trust store} */
    default boolean isJvm() {
        return this instanceof JvmTrustStore;
    }

    /**
     * Reads the store into an in-memory key store with every certificate as a trusted entry under its name
     * (alias or file name), e.g. for {@code TrustProfile.mirrorOf}.
     *
     * @return a PKCS12 key store, not backed by any file
     * @throws IllegalArgumentException naming the file and the fix when it cannot be read
     */
    default KeyStore toKeyStore() {
        return TrustStoreReader.read(this).toKeyStore();
    }
}

/** The running JVM's default store. */
record JvmTrustStore(long maxBytes) implements TrustStoreSource {
    JvmTrustStore {
        ClasspathTrustStore.positive(maxBytes);
    }

    @Override
    public TrustStoreSource withMaxBytes(long limit) {
        return new JvmTrustStore(limit);
    }

    @Override
    public String toString() {
        return "jvm";
    }
}

/** A file or a directory of certificates; the password as text, so that equal sources are equal. */
record FileTrustStore(Path path, String password, long maxBytes) implements TrustStoreSource {
    FileTrustStore {
        if (path.toString().isEmpty()) {
            throw new IllegalArgumentException("an empty path names no trust store (it would mean the current "
                    + "directory); write the path of a file or directory, or jvm");
        }
        ClasspathTrustStore.positive(maxBytes);
    }

    @Override
    public TrustStoreSource withMaxBytes(long limit) {
        return new FileTrustStore(path, password, limit);
    }

    @Override
    public String toString() {
        return path.toString();
    }
}

/** A resource of the context class loader. */
record ClasspathTrustStore(String resource, String password, long maxBytes) implements TrustStoreSource {
    ClasspathTrustStore {
        positive(maxBytes);
    }

    static long positive(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("the size limit must be positive, was " + limit + " bytes");
        }
        return limit;
    }

    @Override
    public TrustStoreSource withMaxBytes(long limit) {
        return new ClasspathTrustStore(resource, password, limit);
    }

    @Override
    public String toString() {
        return "classpath:" + resource;
    }
}

/** The OS bundle of a local Docker image. */
record ImageTrustStore(String image, long maxBytes) implements TrustStoreSource {
    private static final Pattern IMAGE = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._/:@-]*");

    ImageTrustStore {
        if (!IMAGE.matcher(image).matches()) {
            throw new IllegalArgumentException("docker:" + image + ": not an image name; write docker:NAME[:TAG], "
                    + "e.g. docker:debian:bookworm");
        }
        ClasspathTrustStore.positive(maxBytes);
    }

    @Override
    public TrustStoreSource withMaxBytes(long limit) {
        return new ImageTrustStore(image, limit);
    }

    @Override
    public String toString() {
        return "docker:" + image;
    }
}
