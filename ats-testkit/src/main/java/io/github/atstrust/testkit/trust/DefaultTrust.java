package io.github.atstrust.testkit.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * The JVM's default trust switched, for a while, to the mirror of itself: every real ATS root in the default
 * store replaced by its fake twin, everything else kept, so clients built with no TLS settings at all
 * ({@code HttpClient.newHttpClient()}, {@code new OkHttpClient()}, {@code DynamoDbClient.create()}) meet the
 * kit's chains as they meet AWS's. An opt-in: it sets {@code javax.net.ssl.trustStore}, {@code trustStoreType},
 * {@code trustStorePassword}, {@link SSLContext#setDefault} and {@link HttpsURLConnection}'s default socket
 * factory, and {@link #close()} puts every one of them back and deletes the temporary store.
 * <pre>
 * try (DefaultTrust mirrored = DefaultTrust.mirrored()) {
 *     HttpClient.newHttpClient().send(…);   // trusts the fake twins of the roots the JVM trusts
 * }
 * </pre>
 * One at a time per JVM. It refuses to start when the default {@code SSLContext} has already served a TLS
 * connection (a client read the original trust first, and would keep it): start such a JVM on the mirror
 * instead ({@code -Djavax.net.ssl.trustStore=…}, docs/default-trust.md).
 */
public final class DefaultTrust implements AutoCloseable {

    /** The system properties every JVM client's default trust comes from. */
    static final List<String> PROPERTIES = List.of("javax.net.ssl.trustStore", "javax.net.ssl.trustStoreType",
            "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreProvider");

    private static DefaultTrust active;

    private final TrustProfile mirror;
    private final Path store;
    private final Map<String, String> originalProperties;
    private final SSLContext originalContext;
    private final SSLSocketFactory originalUrlConnectionFactory;

    private DefaultTrust(TrustProfile mirror, Path store, Map<String, String> originalProperties,
                         SSLContext originalContext, SSLSocketFactory originalUrlConnectionFactory) {
        this.mirror = mirror;
        this.store = store;
        this.originalProperties = originalProperties;
        this.originalContext = originalContext;
        this.originalUrlConnectionFactory = originalUrlConnectionFactory;
    }

    /**
     * Makes the mirror of the JVM's default trust the JVM's default, until {@link #close()}.
     *
     * @return the switch, to close (it restores everything it set)
     * @throws IllegalStateException when a switch is already active in this JVM, or the default
     *                               {@code SSLContext} has already served a TLS connection
     */
    public static synchronized DefaultTrust mirrored() {
        if (active != null) {
            throw new IllegalStateException("the JVM's default trust is already the kit's mirror (since "
                    + active.store + "); close that DefaultTrust first: one switch per JVM at a time");
        }
        SSLContext original;
        try {
            original = SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no default SSLContext to mirror", e);
        }
        int used = Collections.list(original.getClientSessionContext().getIds()).size();
        if (used > 0) {
            throw new IllegalStateException("the JVM's default SSLContext has already served TLS connections (" + used
                    + " client sessions) before the kit could mirror it: a client read the original trust first and "
                    + "would keep it. Start the JVM on the mirror instead (-Djavax.net.ssl.trustStore=<exported "
                    + "mirror>, see docs/default-trust.md), or find what connects before the tests (a Java agent?)");
        }
        SSLSocketFactory originalFactory = HttpsURLConnection.getDefaultSSLSocketFactory();
        TrustProfile mirror = TrustProfile.builder("mirrored-default")
                .description("the JVM's default trust, every real ATS root replaced by its fake twin")
                .addPlatformTrust().replaceAtsWithTwins().build();
        Path store;
        try {
            store = Files.createTempFile("ats-default-trust-", ".p12",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            mirror.writePkcs12(store, TrustProfile.DEFAULT_PASSWORD.toCharArray());
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot write the mirrored default trust store (" + e.getMessage() + ")", e);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        PROPERTIES.forEach(name -> properties.put(name, System.getProperty(name)));
        System.setProperty("javax.net.ssl.trustStore", store.toString());
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        System.setProperty("javax.net.ssl.trustStorePassword", TrustProfile.DEFAULT_PASSWORD);
        System.clearProperty("javax.net.ssl.trustStoreProvider");
        SSLContext.setDefault(mirror.sslContext());
        HttpsURLConnection.setDefaultSSLSocketFactory(mirror.sslSocketFactory());
        active = new DefaultTrust(mirror, store, Collections.unmodifiableMap(properties), original, originalFactory);
        return active;
    }

    /**
     * The switch active in this JVM, if any: e.g. for an audit of the original store, which production has.
     *
     * @return the active switch, or empty
     */
    public static synchronized Optional<DefaultTrust> active() {
        return Optional.ofNullable(active);
    }

    /** {@return the mirror now installed as the JVM's default} */
    public TrustProfile mirror() {
        return mirror;
    }

    /** {@return the temporary PKCS12 store {@code javax.net.ssl.trustStore} names while this switch is active} */
    public Path store() {
        return store;
    }

    /**
     * The value a trust-store system property had before the switch (what production reads).
     *
     * @param name one of {@code javax.net.ssl.trustStore}, {@code trustStoreType}, {@code trustStorePassword},
     *             {@code trustStoreProvider}
     * @return its original value, or empty when it was unset
     * @throws IllegalArgumentException for another name
     */
    public Optional<String> originalProperty(String name) {
        if (!originalProperties.containsKey(name)) {
            throw new IllegalArgumentException(name + " is not a trust-store property the switch sets; use one of "
                    + PROPERTIES);
        }
        return Optional.ofNullable(originalProperties.get(name));
    }

    /** Puts back every property, the default {@code SSLContext} and socket factory, and deletes the store. */
    @Override
    public void close() {
        synchronized (DefaultTrust.class) {
            if (active != this) {
                return;
            }
            originalProperties.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
            SSLContext.setDefault(originalContext);
            HttpsURLConnection.setDefaultSSLSocketFactory(originalUrlConnectionFactory);
            active = null;
        }
        try {
            Files.deleteIfExists(store);
        } catch (IOException e) {
            throw new IllegalStateException("the default trust is restored, but " + store + " could not be deleted ("
                    + e.getMessage() + ")", e);
        }
    }
}
