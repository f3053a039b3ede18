package io.github.atstrust.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atstrust.testkit.JakartaMailClient;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mail servers of {@code AtsServersBuilder.mail()}, met by Jakarta Mail (Angus) as SES users configure it. */
class MailServersTest {

    private static AtsServers servers;

    @BeforeAll
    static void startWithMail() {
        servers = AtsServers.builder().only(Set.of("ats-root-ca-1", "untrusted-root", "wrong-host", "stalled-handshake",
                "rotated-intermediate")).stallLimit(Duration.ofSeconds(3)).mail().start();
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"smtp, ats-root-ca-1, all-ats, ACCEPT", "smtps, ats-root-ca-1, all-ats, ACCEPT",
            "smtp, ats-root-ca-1, no-ats, UNTRUSTED_ROOT", "smtps, ats-root-ca-1, no-ats, UNTRUSTED_ROOT",
            "smtp, untrusted-root, all-ats, UNTRUSTED_ROOT", "smtps, untrusted-root, all-ats, UNTRUSTED_ROOT",
            "smtp, wrong-host, all-ats, HOSTNAME_MISMATCH", "smtps, wrong-host, all-ats, HOSTNAME_MISMATCH",
            "smtp, stalled-handshake, all-ats, TIMEOUT", "smtps, stalled-handshake, all-ats, TIMEOUT"})
    void jakartaMailIsJudgedByTheScenariosChain(String scheme, String scenario, String profile, String expected) {
        AtsEndpoint endpoint = scheme.equals("smtp") ? servers.smtp(scenario) : servers.smtps(scenario);

        HandshakeOutcome outcome = endpoint.probe(() -> JakartaMailClient.send(endpoint, TrustProfiles.byId(profile), Duration.ofSeconds(2)));

        if (expected.equals("ACCEPT")) {
            assertThat(outcome.accepted()).as(outcome.describe()).isTrue();
        } else {
            assertThat(outcome.rejectionReason()).as(outcome.describe()).contains(RejectionReason.valueOf(expected));
        }
    }

    @Test
    void starttlsServerRefusesMailBeforeTls() throws Exception {
        AtsEndpoint endpoint = servers.smtp("ats-root-ca-1");
        try (Socket socket = new Socket(endpoint.hostname(), endpoint.port());
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
            OutputStream out = socket.getOutputStream();
            assertThat(in.readLine()).startsWith("220 ");
            out.write("EHLO client.test\r\n".getBytes(StandardCharsets.US_ASCII));
            String line;
            StringBuilder ehlo = new StringBuilder();
            do {
                line = in.readLine();
                ehlo.append(line).append('\n');
            } while (line.startsWith("250-"));
            out.write("MAIL FROM:<a@example.test>\r\n".getBytes(StandardCharsets.US_ASCII));

            assertThat(ehlo.toString()).contains("STARTTLS");
            assertThat(in.readLine()).startsWith("530");
        }
    }

    @Test
    void mailEndpointsNameTheirSchemeAndOnlyMailScenariosHaveThem() {
        assertThat(servers.smtp("ats-root-ca-1").uri().toString()).startsWith("smtp://localhost:");
        assertThat(servers.smtps("ats-root-ca-1").uri().toString()).startsWith("smtps://localhost:");
        assertThat(servers.mailEndpoints()).hasSize(8);
        assertThatThrownBy(() -> servers.smtp("rotated-intermediate")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no mail server for 'rotated-intermediate'").hasMessageContaining("ats-root-ca-1");
    }

    @Test
    void withoutMailTheMailEndpointsSayHowToTurnItOn() {
        try (AtsServers plain = AtsServers.builder().only(Set.of("ats-root-ca-1")).start()) {
            assertThat(plain.mailEndpoints()).isEmpty();
            assertThatThrownBy(() -> plain.smtp("ats-root-ca-1")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("AtsServers.builder().mail()");
        }
    }
}
