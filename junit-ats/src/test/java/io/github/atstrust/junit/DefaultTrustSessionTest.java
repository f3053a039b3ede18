package io.github.atstrust.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atstrust.testkit.trust.DefaultTrust;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * {@code ats.defaultTrust=mirrored} for a whole launcher session: the JVM's default trust is the mirror from the
 * session's start, and every original value is back when it ends. Isolated: it changes global trust on purpose.
 */
@Isolated
class DefaultTrustSessionTest {

    private static final List<String> PROPERTIES = List.of("javax.net.ssl.trustStore", "javax.net.ssl.trustStoreType",
            "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreProvider");

    @AfterEach
    void clearTheParameter() {
        System.clearProperty(DefaultTrustSession.PARAMETER);
    }

    @Test
    void aSessionRunsOnTheMirrorAndPutsEveryOriginalValueBack() throws Exception {
        Map<String, String> before = properties();
        SSLContext defaultBefore = SSLContext.getDefault();
        SSLSocketFactory urlConnectionBefore = HttpsURLConnection.getDefaultSSLSocketFactory();
        System.setProperty(DefaultTrustSession.PARAMETER, "mirrored");
        Path store;

        try (LauncherSession session = LauncherFactory.openSession()) {
            DefaultTrust mirrored = DefaultTrust.active().orElseThrow(() -> new AssertionError("no mirror during the session"));
            store = mirrored.store();
            assertThat(System.getProperty("javax.net.ssl.trustStore")).isEqualTo(store.toString());
            assertThat(store).isRegularFile();
            assertThat(SSLContext.getDefault()).isNotSameAs(defaultBefore).isSameAs(mirrored.mirror().sslContext());
            assertThat(mirrored.originalProperty("javax.net.ssl.trustStore"))
                    .isEqualTo(java.util.Optional.ofNullable(before.get("javax.net.ssl.trustStore")));
        }

        assertThat(DefaultTrust.active()).isEmpty();
        assertThat(properties()).isEqualTo(before);
        assertThat(SSLContext.getDefault()).isSameAs(defaultBefore);
        assertThat(HttpsURLConnection.getDefaultSSLSocketFactory()).isSameAs(urlConnectionBefore);
        assertThat(store).doesNotExist();
    }

    @Test
    void withoutTheParameterASessionChangesNothing() throws Exception {
        SSLContext defaultBefore = SSLContext.getDefault();

        try (LauncherSession session = LauncherFactory.openSession()) {
            assertThat(DefaultTrust.active()).isEmpty();
            assertThat(SSLContext.getDefault()).isSameAs(defaultBefore);
        }
    }

    @Test
    void anUnknownValueFailsTheRunNamingTheAcceptedOnes() {
        System.setProperty(DefaultTrustSession.PARAMETER, "mirror");

        assertThatThrownBy(LauncherFactory::openSession).hasStackTraceContaining("ats.defaultTrust=mirror: use mirrored");
        assertThat(DefaultTrust.active()).isEmpty();
    }

    private static Map<String, String> properties() {
        Map<String, String> values = new LinkedHashMap<>();
        PROPERTIES.forEach(name -> values.put(name, System.getProperty(name)));
        return values;
    }
}
