package io.github.atstrust.examples;

import static io.github.atstrust.junit.AtsAssertions.assertThat;

import io.github.atstrust.junit.AtsEnvironment;
import io.github.atstrust.junit.RequiresAtsTrust;
import io.github.atstrust.junit.RequiresCommand;
import io.github.atstrust.testkit.JakartaMailClient;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.scenario.ExpectedOutcome;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import io.github.atstrust.testkit.trust.TrustProfile;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail scenarios (the SES SMTP interface: STARTTLS and TLS wrapper mode) judged by real mail clients: Jakarta
 * Mail (Eclipse Angus) configured as SES users configure it, curl ({@code smtp://} with {@code --ssl-reqd}, and
 * {@code smtps://}) and {@code openssl s_client -starttls smtp}. Every mail scenario under every built-in profile,
 * with the declared verdict and reason; {@code stalled-handshake} (whose verdict needs a client timeout) once.
 */
@RequiresAtsTrust
class MailClientsTest {

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> jakartaMail(AtsEnvironment ats) {
        return everyCase(ats, "jakarta-mail", (endpoint, profile) -> endpoint.probe(() -> JakartaMailClient.send(endpoint, profile, CLIENT_TIMEOUT)));
    }

    @TestFactory
    @RequiresCommand("curl --version")
    List<DynamicTest> curl(AtsEnvironment ats) {
        return everyCase(ats, "curl", (endpoint, profile) -> {
            Path bundle = profile.writePemBundle(dir.resolve(profile.id() + ".pem"));
            Path message = Files.writeString(dir.resolve("message.txt"), "Subject: ATS Trust Kit\r\n\r\ntest only\r\n");
            // -v: curl words a TLS stall "Connection timed out"; its trace shows the ClientHello was sent
            List<String> command = new ArrayList<>(List.of("curl", "-sSv", "--max-time", String.valueOf(CLIENT_TIMEOUT.toSeconds()),
                    "--cacert", bundle.toString(), "--mail-from", "sender@example.test", "--mail-rcpt", "recipient@example.test",
                    "-T", message.toString()));
            if (endpoint.scheme().equals("smtp")) {
                command.add("--ssl-reqd");
            }
            command.add(endpoint.uri().toString());
            return judge(endpoint, command);
        });
    }

    @TestFactory
    @RequiresCommand("openssl version")
    List<DynamicTest> opensslSClient(AtsEnvironment ats) {
        return everyCase(ats, "openssl-s_client", (endpoint, profile) -> {
            Path bundle = profile.writePemBundle(dir.resolve(profile.id() + ".pem"));
            // s_client has no handshake timeout of its own: without `timeout` it waits for a stalled server forever
            List<String> command = new ArrayList<>(List.of("timeout", String.valueOf(CLIENT_TIMEOUT.toSeconds()),
                    "openssl", "s_client", "-connect", endpoint.hostname() + ":" + endpoint.port(), "-servername",
                    endpoint.hostname(), "-CAfile", bundle.toString(), "-verify_return_error", "-verify_hostname",
                    endpoint.hostname(), "-brief"));
            if (endpoint.scheme().equals("smtp")) {
                command.addAll(List.of("-starttls", "smtp"));
            }
            return judge(endpoint, command);
        });
    }

    private interface MailClient {
        HandshakeOutcome meet(AtsEndpoint endpoint, TrustProfile profile) throws Exception;
    }

    private static List<DynamicTest> everyCase(AtsEnvironment ats, String client, MailClient mailClient) {
        List<DynamicTest> tests = new ArrayList<>();
        for (String scenario : ScenarioCatalogue.builtIn().scenarios().stream().filter(Scenario::servedOverSmtp).map(Scenario::id).sorted().toList()) {
            for (AtsEndpoint endpoint : List.of(ats.smtp(scenario), ats.smtps(scenario))) {
                List<TrustProfile> profiles = scenario.equals("stalled-handshake")
                        ? List.of(ats.profile(TrustProfiles.ALL_ATS)) : ats.profiles();
                for (TrustProfile profile : profiles) {
                    String id = scenario + "-" + endpoint.scheme();
                    tests.add(DynamicTest.dynamicTest(client + ": " + id + " with " + profile.id(), () -> {
                        ExpectedOutcome expected = endpoint.expectedOutcomeFor(profile);
                        HandshakeOutcome outcome = mailClient.meet(endpoint, profile);
                        ClientsReport.row(client, id, profile.id(), expected, outcome);
                        assertThat(outcome).as("%s: %s under %s", client, id, profile.id()).matches(expected);
                    }));
                }
            }
        }
        return tests;
    }

    private static HandshakeOutcome judge(AtsEndpoint endpoint, List<String> command) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int exit = process.waitFor();
        // `timeout` ends a stalled s_client with exit 124 and no words of its own: the handshake did not complete
        String words = exit == 124 ? output + "\nhandshake timed out (timeout exit 124)" : output;
        return endpoint.judgeCommand(exit, words, Duration.ofNanos(System.nanoTime() - start));
    }
}
