package io.github.atstrust.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Set;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * The README's recipe for a chain issued to a real AWS host name: a scenario of one's own, served on loopback,
 * met by a client that connects to 127.0.0.1 but verifies the AWS name (no DNS, no internet).
 */
class RealAwsHostNamesTest {

    private static final String DYNAMODB = "dynamodb.eu-west-3.amazonaws.com";

    @Test
    void aChainForTheRealDynamoDbNameIsAcceptedForThatNameAndRefusedForAnother() throws Exception {
        Scenario dynamo = Scenario.builder("my-dynamodb").description("the ACM chain for DynamoDB in eu-west-3")
                .leafFor(DYNAMODB).issuedBy(FakeCa.AMAZON_RSA_2048_M01)
                .sends(FakeCa.AMAZON_RSA_2048_M01, FakeCa.AMAZON_ROOT_CA_1_CROSS_G2)
                .leadsTo(FakeCa.AMAZON_ROOT_CA_1, FakeCa.STARFIELD_SERVICES_ROOT_G2).build();
        try (AtsServers servers = AtsServers.builder().catalogue(ScenarioCatalogue.builtIn().with(dynamo))
                .only(Set.of("my-dynamodb")).start()) {
            AtsEndpoint endpoint = servers.endpoint("my-dynamodb");

            HandshakeOutcome asDynamo = endpoint.probe(() -> handshake(endpoint.port(), DYNAMODB));
            HandshakeOutcome asS3 = endpoint.probe(() -> handshake(endpoint.port(), "s3.eu-west-3.amazonaws.com"));

            assertThat(asDynamo.accepted()).as(asDynamo.describe()).isTrue();
            assertThat(asS3.describe()).startsWith("rejected because HOSTNAME_MISMATCH");
        }
    }

    /** A TLS connection to 127.0.0.1 that sends and verifies {@code hostname}, as a client resolving it there would. */
    private static Object handshake(int port, String hostname) throws Exception {
        Socket tcp = new Socket(InetAddress.getLoopbackAddress(), port);
        try (SSLSocket tls = (SSLSocket) TrustProfiles.byId("amazon-root-ca-1").sslContext().getSocketFactory()
                .createSocket(tcp, hostname, port, true)) {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return tls.getSession();
        }
    }
}
