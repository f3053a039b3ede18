package io.github.atstrust.benchmarks.firstclass;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.atstrust.junit.AtsScenario;
import io.github.atstrust.junit.RequiresAtsTrust;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.trust.TrustProfiles;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** The first test class a user writes with the kit: audited JVM trust, one endpoint, one real handshake. */
@RequiresAtsTrust
public class WithTheKit {

    @Test
    void handshakesWithAnAtsChain(@AtsScenario("ats-root-ca-1") AtsEndpoint endpoint) {
        HandshakeOutcome outcome = endpoint.probe(() -> {
            try (SSLSocket socket = (SSLSocket) TrustProfiles.byId("all-ats").sslContext().getSocketFactory()
                    .createSocket(endpoint.hostname(), endpoint.port())) {
                socket.startHandshake();
                return socket.getSession();
            }
        });
        assertTrue(outcome.accepted(), outcome::describe);
    }
}
