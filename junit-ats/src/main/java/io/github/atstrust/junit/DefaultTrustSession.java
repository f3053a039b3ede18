package io.github.atstrust.junit;

import io.github.atstrust.testkit.trust.DefaultTrust;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Optional;
import java.util.Properties;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs a whole test run on the mirror of the JVM's own default trust when {@value #PARAMETER}{@code =mirrored}
 * is set (in {@code junit-platform.properties}, or as a system property): before any test class is loaded the
 * JVM's default trust becomes its mirror ({@link DefaultTrust#mirrored()}), so clients built with no TLS
 * settings meet the fake chains; when the session ends every original value is back. Registered as a JUnit
 * Platform service, so it needs no code; without the parameter it does nothing.
 */
public final class DefaultTrustSession implements LauncherSessionListener {

    /** The configuration parameter: {@code mirrored}, or {@code none} (the default). */
    public static final String PARAMETER = "ats.defaultTrust";

    private DefaultTrust installed;

    /** Made by the JUnit Platform's service loader. */
    public DefaultTrustSession() {
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String value = setting().orElse("none").strip();
        switch (value) {
            case "none", "" -> {
            }
            case "mirrored" -> {
                try {
                    installed = DefaultTrust.mirrored();
                } catch (IllegalStateException refused) {
                    throw new IllegalStateException(PARAMETER + "=mirrored: " + refused.getMessage(), refused);
                }
            }
            default -> throw new IllegalArgumentException(PARAMETER + "=" + value + ": use mirrored (the JVM's default trust "
                    + "with every real ATS root replaced by its fake twin) or none");
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (installed != null) {
            installed.close();
            installed = null;
        }
    }

    /** The system property, else the first {@code junit-platform.properties} on the class path, as JUnit reads it. */
    private static Optional<String> setting() {
        String property = System.getProperty(PARAMETER);
        if (property != null) {
            return Optional.of(property);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL file = (loader != null ? loader : DefaultTrustSession.class.getClassLoader()).getResource("junit-platform.properties");
        if (file == null) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = file.openStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " for " + PARAMETER, e);
        }
        return Optional.ofNullable(properties.getProperty(PARAMETER));
    }
}
