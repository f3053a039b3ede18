package io.github.atstrust.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.Prerequisites;
import io.github.atstrust.testkit.ProcessRun;
import io.github.atstrust.testkit.TestPem;
import io.github.atstrust.testkit.TruthTable;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.server.AtsServers;
import io.github.atstrust.testkit.trust.TrustProfile;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The declared truth table (every scenario with empty {@code requires} × every built-in profile) is what
 * real validators decide, verdict and reason: the JDK in a real handshake, and the real {@code openssl verify}.
 */
class ScenarioTruthTableTest {

    private static AtsServers servers;
    @TempDir
    static Path files;

    @BeforeAll
    static void startServers() {
        servers = AtsServers.start();
    }

    @AfterAll
    static void stopServers() {
        servers.close();
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("io.github.atstrust.testkit.TruthTable#everyUnconditionalScenarioUnderEveryProfile")
    void jdkHandshakeWithEndpointIdentificationAgreesWithDeclaredExpectation(String scenarioId, String profileId)
            throws IOException {
        AtsEndpoint endpoint = servers.endpoint(scenarioId);
        TrustProfile profile = TrustProfiles.byId(profileId);

        HandshakeOutcome outcome = endpoint.probe(() -> {
            try (SSLSocket socket = (SSLSocket) profile.sslContext().getSocketFactory()
                    .createSocket(endpoint.hostname(), endpoint.port())) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                return socket.getSession();
            }
        });

        assertThat(TruthTable.said(outcome)).as("JDK verdict for %s under %s: %s", scenarioId, profileId, outcome)
                .isEqualTo(endpoint.expectedOutcomeFor(profile).toString());
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("io.github.atstrust.testkit.TruthTable#everyUnconditionalScenarioUnderEveryProfile")
    void opensslVerifyAgreesWithDeclaredExpectation(String scenarioId, String profileId) throws Exception {
        Prerequisites.requireTool("openssl", "version");
        AtsEndpoint endpoint = servers.endpoint(scenarioId);
        TrustProfile profile = TrustProfiles.byId(profileId);
        Path dir = Files.createTempDirectory(files, scenarioId);
        Path bundle = profile.writePemBundle(dir.resolve("bundle.pem"));
        Path leaf = Files.writeString(dir.resolve("leaf.pem"), TestPem.encode(List.of(endpoint.leaf())));
        List<String> command = new ArrayList<>(List.of("openssl", "verify", "-CAfile", bundle.toString(),
                "-purpose", "sslserver", "-verify_hostname", "localhost"));
        if (!endpoint.intermediates().isEmpty()) {
            Path untrusted = Files.writeString(dir.resolve("untrusted.pem"), TestPem.encode(endpoint.intermediates()));
            command.addAll(List.of("-untrusted", untrusted.toString()));
        }
        command.add(leaf.toString());

        ProcessRun run = ProcessRun.run(command);
        HandshakeOutcome outcome = endpoint.judgeCommand(run.exitCode(), run.output(), Duration.ZERO);

        assertThat(TruthTable.said(outcome)).as("openssl verify for %s under %s said: %s", scenarioId, profileId, run.output())
                .isEqualTo(endpoint.expectedOutcomeFor(profile).toString());
    }
}
