package io.github.atstrust.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.Prerequisites;
import io.github.atstrust.testkit.ProcessRun;
import io.github.atstrust.testkit.TestPem;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.server.AtsServers;
import io.github.atstrust.testkit.trust.TrustProfile;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Why {@code sha1-leaf} and {@code rsa-1024-leaf} require {@code strict-algorithm-policy}: OpenSSL at security
 * level 2 (Debian's default for TLS clients such as curl) rejects them, while the JDK's default policy
 * accepts them under an anchor that is not in its own cacerts. If a JDK update changes that, this test
 * says so and the scenarios can lose their {@code requires}.
 */
class StrictAlgorithmPolicyTest {

    private static AtsServers servers;

    @BeforeAll
    static void startServers() {
        servers = AtsServers.builder().only(java.util.Set.of("sha1-leaf", "rsa-1024-leaf")).start();
    }

    @AfterAll
    static void stopServers() {
        servers.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha1-leaf", "rsa-1024-leaf"})
    void declaresTheStrictPolicyItsRejectionDependsOn(String scenarioId) {
        Scenario scenario = ScenarioCatalogue.builtIn().byId(scenarioId);

        assertThat(scenario.requires()).containsExactly(ClientSetting.STRICT_ALGORITHM_POLICY);
        assertThat(scenario.expectedOutcomeFor(TrustProfiles.byId(TrustProfiles.ALL_ATS)).accepts()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha1-leaf", "rsa-1024-leaf"})
    void opensslAtSecurityLevelTwoRejectsTheWeakLeaf(String scenarioId, @TempDir Path dir) throws Exception {
        Prerequisites.requireTool("openssl", "version");
        AtsEndpoint endpoint = servers.endpoint(scenarioId);
        Path bundle = TrustProfiles.byId(TrustProfiles.ALL_ATS).writePemBundle(dir.resolve("bundle.pem"));
        Path untrusted = Files.writeString(dir.resolve("untrusted.pem"), TestPem.encode(endpoint.intermediates()));
        Path leaf = Files.writeString(dir.resolve("leaf.pem"), TestPem.encode(List.of(endpoint.leaf())));

        ProcessRun strict = ProcessRun.run(List.of("openssl", "verify", "-auth_level", "2", "-CAfile", bundle.toString(),
                "-untrusted", untrusted.toString(), "-purpose", "sslserver", "-verify_hostname", "localhost",
                leaf.toString()));

        assertThat(strict.exitCode()).as(strict.output()).isNotZero();
        assertThat(strict.output()).containsAnyOf("too weak", "too small");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha1-leaf", "rsa-1024-leaf"})
    void jdkDefaultPolicyAcceptsTheWeakLeafUnderANonCacertsAnchor(String scenarioId) throws Exception {
        AtsEndpoint endpoint = servers.endpoint(scenarioId);
        TrustProfile allAts = TrustProfiles.byId(TrustProfiles.ALL_ATS);

        try (SSLSocket socket = (SSLSocket) allAts.sslContext().getSocketFactory()
                .createSocket(endpoint.hostname(), endpoint.port())) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();

            assertThat(socket.getSession().getPeerCertificates()[0]).isEqualTo(endpoint.leaf());
        }
    }
}
