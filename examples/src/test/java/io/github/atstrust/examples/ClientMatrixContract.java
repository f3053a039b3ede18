package io.github.atstrust.examples;

import static io.github.atstrust.junit.AtsAssertions.assertThat;
import static io.github.atstrust.junit.AtsAssertions.assertThatThrownBy;

import io.github.atstrust.junit.AtsCase;
import io.github.atstrust.junit.AtsEnvironment;
import io.github.atstrust.junit.AtsProfile;
import io.github.atstrust.junit.AtsScenario;
import io.github.atstrust.junit.AtsTrustMatrix;
import io.github.atstrust.junit.RequiresAtsTrust;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.trust.TrustProfile;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every client must do, written the way a user writes a trust test: the declared verdict and the declared
 * reason for every unconditional scenario under five trust stores, a timeout instead of a hang, and no verdict
 * (never a "rejection") against a closed port, a plain-HTTP port, or when the test's own code throws.
 * One subclass per client.
 */
@RequiresAtsTrust
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClientMatrixContract {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Map<String, HttpsClient.Session> sessions = new ConcurrentHashMap<>();

    abstract HttpsClient client();

    @AtsTrustMatrix(profiles = {"all-ats", "no-ats", "starfield-class-2", "starfield-services-root-g2", "mirrored"})
    void judgesEveryChainAsDeclaredAndForTheRightReason(AtsCase c) {
        HttpsClient.Session session = session(c.profile());

        HandshakeOutcome outcome = c.probe(() -> session.get(c.endpoint().uri()));

        assertThat(outcome).matches(c.expectation());
    }

    @Test
    void aClosedPortIsNoVerdictAndSatisfiesNoAssertion(@AtsProfile("all-ats") TrustProfile allAts) throws Exception {
        int closed = closedPort();
        URI uri = URI.create("https://localhost:" + closed + "/");

        HandshakeOutcome outcome = HandshakeOutcome.of(() -> session(allAts).get(uri), "localhost:" + closed, false);

        assertThat(outcome.noVerdictDescription().orElse("")).as(outcome.describe()).startsWith("connection refused");
        assertThatThrownBy(() -> assertThat(outcome).isRejectedBecause(RejectionReason.UNTRUSTED_ROOT))
                .hasMessageContaining("but no TLS verdict: connection refused (localhost:" + closed + ")");
        assertThatThrownBy(() -> assertThat(outcome).isRejected()).hasMessageContaining("no TLS verdict");
    }

    @Test
    void anExceptionOfTheTestsOwnCodeIsNoVerdictAndKeepsItsStackTrace(@AtsScenario("untrusted-root") AtsEndpoint untrusted,
                                                                      @AtsProfile("all-ats") TrustProfile allAts) {
        HttpsClient.Session session = session(allAts);
        String notLoaded = null;

        HandshakeOutcome outcome = untrusted.probe(() -> session.get(URI.create(notLoaded.strip())));

        assertThat(outcome.noVerdictDescription().orElse("")).as(outcome.describe()).contains("java.lang.NullPointerException");
        assertThatThrownBy(() -> assertThat(outcome).isRejectedBecause(RejectionReason.UNTRUSTED_ROOT))
                .hasMessageContaining("no TLS verdict").hasCauseInstanceOf(NullPointerException.class);
    }

    @Test
    void aPlainHttpPortIsNoVerdictAndSatisfiesNoAssertion(AtsEnvironment ats, @AtsProfile("all-ats") TrustProfile allAts) {
        ats.startAll();
        URI plain = URI.create("https://localhost:" + ats.indexUri().getPort() + "/");

        HandshakeOutcome outcome = HandshakeOutcome.of(() -> session(allAts).get(plain));

        // Jetty's client, about 2 runs in 100, reports what its own TLS failure did to its other thread instead of that
        // failure: a closed channel, or its engine's internal_error. Either way no verdict, never the test's code.
        assertThat(outcome.noVerdictDescription()).as(outcome.describe()).get().isIn("the peer does not speak TLS",
                "the connection was closed before the handshake completed",
                "the handshake broke off with an internal_error alert");
        assertThatThrownBy(() -> assertThat(outcome).isRejected()).hasMessageContaining("no TLS verdict");
        assertThatThrownBy(() -> assertThat(outcome).isAccepted()).hasMessageContaining("no TLS verdict");
    }

    @AtsTrustMatrix(scenarios = "stalled-handshake", profiles = "all-ats", includeRequiring = true)
    void givesUpOnAStalledHandshakeInsteadOfHanging(AtsCase c) throws Exception {
        try (HttpsClient.Session session = client().open(c.profile(), TIMEOUT)) {
            HandshakeOutcome outcome = c.probe(() -> session.get(c.endpoint().uri()));

            assertThat(outcome).isRejectedBecause(RejectionReason.TIMEOUT).completedWithin(Duration.ofSeconds(5));
        }
    }

    /** Measured, not assumed: with default settings, does this client consult the CRL or OCSP responder? */
    @Test
    void revocationCheckingByDefaultIsMeasured(@AtsScenario("revoked") AtsEndpoint revoked,
                                               @AtsProfile("all-ats") TrustProfile allAts) {
        HandshakeOutcome outcome = revoked.probe(() -> session(allAts).get(revoked.uri()));

        if (outcome.accepted()) {
            ClientsReport.note("revocation checking by default", client().id(),
                    "no: the revoked leaf was accepted (" + outcome.describe() + ")");
        } else {
            assertThat(outcome).isRejectedBecause(RejectionReason.REVOKED);
            ClientsReport.note("revocation checking by default", client().id(), "yes: " + outcome.describe());
        }
    }

    private static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private HttpsClient.Session session(TrustProfile profile) {
        return sessions.computeIfAbsent(profile.id(), id -> {
            try {
                return client().open(profile, TIMEOUT);
            } catch (Exception e) {
                throw new IllegalStateException("cannot open " + client().id() + " for " + id, e);
            }
        });
    }

    @AfterAll
    void closeClients() throws Exception {
        for (HttpsClient.Session session : sessions.values()) {
            session.close();
        }
    }
}
