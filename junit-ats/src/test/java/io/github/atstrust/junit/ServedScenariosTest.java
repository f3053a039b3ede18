package io.github.atstrust.junit;

import static io.github.atstrust.junit.AtsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.server.AtsServers;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * A run with mail on starts a scenario's mail servers only for a test that asks for a mail endpoint. This module's
 * tests have no SubEthaSMTP on their classpath, so starting mail servers fails: an HTTPS endpoint served here
 * proves that none were started for it, and the mail endpoint's failure that asking for one does start them.
 */
class ServedScenariosTest {

    @Test
    void servesAnHttpsEndpointWithoutStartingItsMailServersAndStartsThemForAMailEndpoint() {
        assertThat(AtsServers.mailAvailable()).as("this module's tests run without SubEthaSMTP").isFalse();
        ServedScenarios served = new ServedScenarios(ScenarioCatalogue.builtIn(), true);
        try {
            AtsEndpoint https = served.endpoint("ats-root-ca-1");

            assertThat(https.probe(() -> {
                try (SSLSocket socket = (SSLSocket) TrustProfiles.byId("amazon-root-ca-1").sslContext().getSocketFactory()
                        .createSocket(https.hostname(), https.port())) {
                    socket.startHandshake();
                    return socket.getSession();
                }
            })).isAccepted();
            assertThatThrownBy(() -> served.smtp("ats-root-ca-1")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("mail scenarios need SubEthaSMTP");
            assertThat(served.endpoint("ats-root-ca-1")).as("the same server on a second ask").isSameAs(https);
        } finally {
            ServedScenarios.closeAll(List.of(served::close));
        }
    }

    @Test
    void aRunWithMailOffNamesTheSwitchForAMailEndpoint() {
        ServedScenarios served = new ServedScenarios(ScenarioCatalogue.builtIn(), false);
        try {
            assertThatThrownBy(() -> served.smtp("ats-root-ca-1")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no mail servers are running");
        } finally {
            served.close();
        }
    }
}
