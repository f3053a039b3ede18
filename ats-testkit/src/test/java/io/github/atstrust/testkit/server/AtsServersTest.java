package io.github.atstrust.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.TruthTable;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.trust.TrustProfile;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real handshakes of JDK clients against the running scenario servers. */
class AtsServersTest {

    private static AtsServers servers;
    private static final Map<String, HttpClient> CLIENTS = new ConcurrentHashMap<>();

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
    void jdkHttpClientWithTheProfilesContextGetsTheDeclaredVerdict(String scenarioId, String profileId) {
        AtsEndpoint endpoint = servers.endpoint(scenarioId);
        TrustProfile profile = TrustProfiles.byId(profileId);
        HttpClient client = CLIENTS.computeIfAbsent(profileId,
                id -> HttpClient.newBuilder().sslContext(profile.sslContext()).build());

        HandshakeOutcome outcome = endpoint.probe(() -> {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(endpoint.uri()).build(),
                    BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("healthy: localhost");
            return response;
        });

        assertThat(TruthTable.said(outcome)).as("%s under %s: %s", scenarioId, profileId, outcome)
                .isEqualTo(endpoint.expectedOutcomeFor(profile).toString());
    }

    @Test
    void httpClientNegotiatesHttp2AndHttpsUrlConnectionHttp11OnTheSameConnector() throws Exception {
        AtsEndpoint endpoint = servers.endpoint("ats-root-ca-1");
        TrustProfile profile = TrustProfiles.byId("amazon-root-ca-1");

        HttpResponse<String> h2 = HttpClient.newBuilder().sslContext(profile.sslContext()).build()
                .send(HttpRequest.newBuilder(endpoint.uri()).build(), BodyHandlers.ofString());
        HttpsURLConnection http11 = (HttpsURLConnection) endpoint.uri().toURL().openConnection();
        http11.setSSLSocketFactory(profile.sslContext().getSocketFactory());

        assertThat(h2.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(h2.headers().firstValue("x-ats-protocol")).hasValueSatisfying(v -> assertThat(v).startsWith("HTTP/2.0"));
        assertThat(h2.headers().firstValue("x-ats-scenario")).hasValue("ats-root-ca-1");
        assertThat(http11.getResponseCode()).isEqualTo(200);
        assertThat(http11.getHeaderField("X-ATS-Protocol")).startsWith("HTTP/1.1");
        assertThat(http11.getHeaderField("Content-Length")).isEqualTo("18");
        try (InputStream body = http11.getInputStream()) {
            assertThat(new String(body.readAllBytes())).isEqualTo("healthy: localhost");
        }
    }

    @Test
    void answersWithTheHostTheClientAskedFor() throws Exception {
        AtsEndpoint endpoint = servers.endpoint("ats-root-ca-1");
        HttpClient client = HttpClient.newBuilder().sslContext(TrustProfiles.byId("all-ats").sslContext()).build();

        HttpResponse<String> byIp = client.send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + endpoint.port() + "/")).build(), BodyHandlers.ofString());

        assertThat(byIp.body()).isEqualTo("healthy: 127.0.0.1");
    }

    @Test
    void clientRestrictedToTls12ConnectsToEveryAtsChainAndToTheTls12OnlyServer() throws Exception {
        for (String id : List.of("ats-root-ca-1", "ats-root-ca-3", "tls12-only")) {
            try (SSLSocket socket = handshake(servers.endpoint(id), "TLSv1.2")) {
                assertThat(socket.getSession().getProtocol()).as(id).isEqualTo("TLSv1.2");
            }
        }
    }

    @Test
    void tls13OnlyClientCannotTalkToTheTls12OnlyServer() {
        HandshakeOutcome outcome = servers.endpoint("tls12-only").probe(() -> {
            try (SSLSocket socket = handshake(servers.endpoint("tls12-only"), "TLSv1.3")) {
                return socket.getSession();
            }
        });

        assertThat(outcome.rejectionReason()).as(outcome.describe()).contains(RejectionReason.PROTOCOL);
    }

    @Test
    void servesAGreenCheckMarkJpeg() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newBuilder().sslContext(TrustProfiles.byId("all-ats").sslContext())
                .build().send(HttpRequest.newBuilder(servers.endpoint("ats-root-ca-4").uri().resolve("/test.jpg")).build(),
                        BodyHandlers.ofByteArray());

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        int centreLeft = image.getRGB(20, 64);
        assertThat(response.headers().firstValue("content-type")).hasValue("image/jpeg");
        assertThat((centreLeft >> 8) & 0xff).as("green").isGreaterThan(120);
        assertThat((centreLeft >> 16) & 0xff).as("red").isLessThan(100);
    }

    @Test
    void plainIndexPageListsEveryScenarioWithItsUrl() throws Exception {
        HttpResponse<String> index = HttpClient.newHttpClient().send(HttpRequest.newBuilder(servers.indexUri()).build(),
                BodyHandlers.ofString());

        assertThat(index.statusCode()).isEqualTo(200);
        for (AtsEndpoint endpoint : servers.endpoints()) {
            assertThat(index.body()).contains(endpoint.uri().toString()).contains(">" + endpoint.id() + "<");
        }
        assertThat(index.body()).contains("class=\"reject\"").contains("class=\"accept\"");
        assertThat(index.body()).as("the end dates of the chain, as the real ones end")
                .contains("FAKE Starfield Services Root Certificate Authority - G2, issued by FAKE Starfield Class 2 "
                        + "Certification Authority, until 2034-06-28")
                .contains("FAKE Amazon Root CA 1, issued by FAKE Starfield Services Root Certificate Authority - G2, until 2037-12-31");
    }

    @Test
    void answersDynamoDbListTablesLikeTheRealEndpoint() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().sslContext(TrustProfiles.byId("all-ats").sslContext())
                .build().send(HttpRequest.newBuilder(servers.endpoint("ats-root-ca-1").uri())
                        .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/x-amz-json-1.0");
        assertThat(response.body()).isEqualTo("{\"TableNames\":[]}");
    }

    @Test
    void answersOtherDynamoDbOperationsWithUnknownOperation() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().sslContext(TrustProfiles.byId("all-ats").sslContext())
                .build().send(HttpRequest.newBuilder(servers.endpoint("ats-root-ca-1").uri())
                        .header("X-Amz-Target", "DynamoDB_20120810.DeleteTable")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("UnknownOperationException");
    }

    @Test
    void answersS3PathStyleGetObjectOfTheTestJpeg() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newBuilder().sslContext(TrustProfiles.byId("all-ats").sslContext())
                .build().send(HttpRequest.newBuilder(servers.endpoint("ats-root-ca-2").uri()
                        .resolve("/s3-ats-migration-test/test.jpg")).build(), BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("image/jpeg");
        assertThat(ImageIO.read(new ByteArrayInputStream(response.body()))).isNotNull();
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().sslContext(TrustProfiles.byId("all-ats").sslContext())
                .build().send(HttpRequest.newBuilder(servers.endpoint("ats-root-ca-1").uri().resolve("/nope")).build(),
                        BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    private static SSLSocket handshake(AtsEndpoint endpoint, String protocol) throws Exception {
        SSLSocket socket = (SSLSocket) TrustProfiles.byId("all-ats").sslContext().getSocketFactory()
                .createSocket(endpoint.hostname(), endpoint.port());
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setProtocols(new String[] {protocol});
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        try {
            socket.startHandshake();
        } catch (Exception e) {
            socket.close();
            throw e;
        }
        return socket;
    }
}
