package io.github.atstrust.testkit.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atstrust.testkit.Prerequisites;
import io.github.atstrust.testkit.ProcessRun;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.server.AtsServers;
import io.github.atstrust.testkit.trust.TrustProfile;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.AlgorithmConstraints;
import java.security.AlgorithmParameters;
import java.security.CryptoPrimitive;
import java.security.Key;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the JDK's clients throw, classified into the reasons a test asserts on. */
class HandshakeOutcomeTest {

    private static AtsServers servers;
    private static final TrustProfile ALL_ATS = TrustProfiles.byId("all-ats");

    @BeforeAll
    static void startServers() {
        servers = AtsServers.builder().stallLimit(Duration.ofSeconds(10)).start();
    }

    @AfterAll
    static void stopServers() {
        servers.close();
    }

    @Test
    void acceptedHttpClientCallRecordsProtocolAlpnCipherAndPeerChain() {
        AtsEndpoint endpoint = servers.endpoint("ats-root-ca-3");

        HandshakeOutcome outcome = endpoint.probe(() -> httpClient(ALL_ATS).send(request(endpoint), BodyHandlers.ofString()));

        assertThat(outcome).as(outcome.describe()).isInstanceOf(HandshakeOutcome.Accepted.class);
        HandshakeOutcome.Accepted accepted = (HandshakeOutcome.Accepted) outcome;
        assertThat(accepted.protocol()).isEqualTo("TLSv1.3");
        assertThat(accepted.alpn()).isEqualTo("h2");
        assertThat(accepted.cipherSuite()).startsWith("TLS_");
        assertThat(accepted.peerChain()).containsExactlyElementsOf(endpoint.chain());
        assertThat(accepted.afterHandshake()).isEmpty();
        assertThat(outcome.describe()).startsWith("accepted with TLSv1.3/h2 in ");
    }

    @ParameterizedTest(name = "{0} under {1} → {2}")
    @CsvSource({
            "untrusted-root, all-ats, UNTRUSTED_ROOT",
            "self-signed, all-ats, UNTRUSTED_ROOT",
            "ats-root-ca-1, no-ats, UNTRUSTED_ROOT",
            "ats-acm-2024, starfield-class-2, UNTRUSTED_ROOT",
            "wrong-host, all-ats, HOSTNAME_MISMATCH",
            "expired, all-ats, EXPIRED",
            "not-yet-valid, all-ats, NOT_YET_VALID",
            "incomplete-chain, all-ats, INCOMPLETE_CHAIN",
    })
    void jdkHttpClientRejectionIsClassified(String scenario, String profile, RejectionReason reason) {
        AtsEndpoint endpoint = servers.endpoint(scenario);

        HandshakeOutcome outcome = endpoint.probe(() -> httpClient(TrustProfiles.byId(profile))
                .send(request(endpoint), BodyHandlers.ofString()));

        assertThat(outcome.rejectionReason()).as(outcome.describe()).contains(reason);
    }

    @ParameterizedTest(name = "{0} under {1} → {2}")
    @CsvSource({
            "untrusted-root, all-ats, UNTRUSTED_ROOT",
            "wrong-host, all-ats, HOSTNAME_MISMATCH",
            "expired, all-ats, EXPIRED",
            "not-yet-valid, all-ats, NOT_YET_VALID",
            "incomplete-chain, amazon-root-ca-1, INCOMPLETE_CHAIN",
    })
    void httpsUrlConnectionRejectionIsClassified(String scenario, String profile, RejectionReason reason) {
        AtsEndpoint endpoint = servers.endpoint(scenario);

        HandshakeOutcome outcome = endpoint.probe(() -> {
            HttpsURLConnection connection = (HttpsURLConnection) endpoint.uri().toURL().openConnection();
            connection.setSSLSocketFactory(TrustProfiles.byId(profile).sslContext().getSocketFactory());
            connection.getResponseCode();
            return connection;
        });

        assertThat(outcome.rejectionReason()).as(outcome.describe()).contains(reason);
    }

    @Test
    void httpsUrlConnectionAcceptanceRecordsTheServerChain() {
        AtsEndpoint endpoint = servers.endpoint("ats-root-ca-1");

        HandshakeOutcome outcome = endpoint.probe(() -> {
            HttpsURLConnection connection = (HttpsURLConnection) endpoint.uri().toURL().openConnection();
            connection.setSSLSocketFactory(ALL_ATS.sslContext().getSocketFactory());
            connection.getResponseCode();
            return connection;
        });

        assertThat(outcome).isInstanceOf(HandshakeOutcome.Accepted.class);
        assertThat(((HandshakeOutcome.Accepted) outcome).alpn()).isEqualTo("http/1.1");
        assertThat(((HandshakeOutcome.Accepted) outcome).peerChain()).hasSize(4);
    }

    @Test
    void stalledHandshakeWithATimeoutIsTimeout() {
        AtsEndpoint endpoint = servers.endpoint("stalled-handshake");
        HttpClient client = HttpClient.newBuilder().sslContext(ALL_ATS.sslContext()).connectTimeout(Duration.ofSeconds(1)).build();

        HandshakeOutcome outcome = endpoint.probe(() -> client.send(HttpRequest.newBuilder(endpoint.uri())
                .timeout(Duration.ofSeconds(1)).build(), BodyHandlers.ofString()));

        assertThat(outcome.rejectionReason()).as(outcome.describe()).contains(RejectionReason.TIMEOUT);
        assertThat(outcome.elapsed()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void tls13OnlyClientAgainstTls12OnlyServerIsProtocol() {
        AtsEndpoint endpoint = servers.endpoint("tls12-only");

        HandshakeOutcome outcome = endpoint.probe(() -> socket(endpoint, params -> params.setProtocols(new String[] {"TLSv1.3"})));

        assertThat(outcome.rejectionReason()).as(outcome.describe()).contains(RejectionReason.PROTOCOL);
    }

    @Test
    void clientRefusingSha1SignaturesRejectsTheSha1LeafAsWeakAlgorithm() {
        AtsEndpoint endpoint = servers.endpoint("sha1-leaf");

        HandshakeOutcome outcome = endpoint.probe(() -> socket(endpoint,
                params -> params.setAlgorithmConstraints(new NoSha1())));

        assertThat(outcome.rejectionReason()).as(outcome.describe()).contains(RejectionReason.WEAK_ALGORITHM);
    }

    @Test
    void assertionFailingInsideTheCallIsNotMistakenForARejection() {
        assertThatThrownBy(() -> HandshakeOutcome.of(() -> {
            throw new AssertionError("my test's own assertion");
        })).isInstanceOf(AssertionError.class).hasMessage("my test's own assertion");
    }

    @Test
    void ofAndProbeAgreeOnAnIncompleteChainForAClientGivenTheProfilesTrust() {
        AtsEndpoint endpoint = servers.endpoint("incomplete-chain");
        Callable<?> call = () -> httpClient(TrustProfiles.byId("amazon-root-ca-1")).send(request(endpoint),
                BodyHandlers.ofString());

        HandshakeOutcome of = HandshakeOutcome.of(call);
        HandshakeOutcome probed = endpoint.probe(call);

        assertThat(of.rejectionReason()).as(of.describe()).contains(RejectionReason.INCOMPLETE_CHAIN);
        assertThat(probed.rejectionReason()).as(probed.describe()).contains(RejectionReason.INCOMPLETE_CHAIN);
        assertThat(of.thrown()).get().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE).hasStackTraceContaining("incomplete chain: the server did not send the intermediate CA");
    }

    @Test
    void aClientWithItsOwnTrustManagerNeedsTheEndpointToTellAnIncompleteChain() throws Exception {
        AtsEndpoint endpoint = servers.endpoint("incomplete-chain");
        javax.net.ssl.TrustManagerFactory own = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        own.init(TrustProfiles.byId("amazon-root-ca-1").keyStore());
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, own.getTrustManagers(), null);
        Callable<?> call = () -> HttpClient.newBuilder().sslContext(context).build().send(request(endpoint),
                BodyHandlers.ofString());

        assertThat(HandshakeOutcome.of(call).rejectionReason()).contains(RejectionReason.UNTRUSTED_ROOT);
        assertThat(endpoint.probe(call).rejectionReason()).contains(RejectionReason.INCOMPLETE_CHAIN);
    }

    @Test
    void theProfilesTrustManagerKeepsEveryOtherVerdictAndReason() {
        AtsEndpoint untrusted = servers.endpoint("untrusted-root");
        AtsEndpoint wrongHost = servers.endpoint("wrong-host");

        assertThat(HandshakeOutcome.of(() -> httpClient(ALL_ATS).send(request(untrusted), BodyHandlers.ofString())).rejectionReason())
                .contains(RejectionReason.UNTRUSTED_ROOT);
        assertThat(HandshakeOutcome.of(() -> httpClient(ALL_ATS).send(request(wrongHost), BodyHandlers.ofString())).rejectionReason())
                .contains(RejectionReason.HOSTNAME_MISMATCH);
    }

    @Test
    void closedPortIsNoVerdictNamingTheAddress() throws Exception {
        int closed = closedPort();

        HandshakeOutcome outcome = HandshakeOutcome.of(() -> httpClient(ALL_ATS).send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + closed + "/")).build(), BodyHandlers.ofString()),
                "localhost:" + closed, false);

        assertThat(outcome.hasNoVerdict()).as(outcome.describe()).isTrue();
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.rejected()).isFalse();
        assertThat(outcome.describe()).startsWith("no TLS verdict: connection refused (localhost:" + closed + ")");
        assertThat(outcome.rejectionReason()).isEmpty();
    }

    @Test
    void plainHttpPortIsNoVerdictBecauseThePeerDoesNotSpeakTls() {
        URI plain = URI.create("https://localhost:" + servers.indexUri().getPort() + "/");

        HandshakeOutcome outcome = HandshakeOutcome.of(() -> httpClient(ALL_ATS).send(HttpRequest.newBuilder(plain).build(),
                BodyHandlers.ofString()));

        assertThat(outcome.hasNoVerdict()).as(outcome.describe()).isTrue();
        assertThat(outcome.noVerdictDescription()).contains("the peer does not speak TLS");
    }

    @Test
    void aChannelClosedUnderTheClientIsNoVerdictNamingTheConnectionNotTheTestsCode() {
        // What Jetty's client throws when its own TLS failure closes the channel during its first write.
        java.io.EOFException eof = new java.io.EOFException();
        eof.initCause(new java.nio.channels.ClosedChannelException());

        HandshakeOutcome outcome = HandshakeOutcome.of(() -> {
            throw new java.util.concurrent.ExecutionException(eof);
        });

        assertThat(outcome.noVerdictDescription()).contains("the connection was closed before the handshake completed");
    }

    @Test
    void anInternalErrorAlertIsNoVerdictNotARejection() {
        HandshakeOutcome outcome = HandshakeOutcome.of(() -> {
            throw new java.util.concurrent.ExecutionException(
                    new javax.net.ssl.SSLHandshakeException("Received fatal alert: internal_error"));
        });

        assertThat(outcome.noVerdictDescription()).contains("the handshake broke off with an internal_error alert");
    }

    @Test
    void exceptionOfTheProbedCodeIsNoVerdictAndKeepsItsCause() {
        NullPointerException bug = new NullPointerException("my client was never built");

        HandshakeOutcome outcome = HandshakeOutcome.of(() -> {
            throw bug;
        });

        assertThat(outcome.hasNoVerdict()).isTrue();
        assertThat(outcome.thrown()).containsSame(bug);
        assertThat(outcome.noVerdictDescription()).get().asString()
                .contains("java.lang.NullPointerException", "not a TLS failure of the client");
    }

    @Test
    void curlAgainstAClosedPortIsNoVerdictAndAgainstAnUntrustedRootARejection() throws Exception {
        Prerequisites.requireTool("curl", "--version");
        int closed = closedPort();
        AtsEndpoint untrusted = servers.endpoint("untrusted-root");

        ProcessRun refused = ProcessRun.run(List.of("curl", "-sS", "-o", "/dev/null", "https://localhost:" + closed + "/"));
        ProcessRun rejected = ProcessRun.run(List.of("curl", "-sS", "-o", "/dev/null", untrusted.uri().toString()));

        HandshakeOutcome refusedOutcome = HandshakeOutcome.ofCommand(refused.exitCode(), refused.output(), Duration.ZERO,
                "", false);
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(7);
        assertThat(refusedOutcome.noVerdictDescription()).as(refusedOutcome.describe()).contains("connection refused");
        assertThat(untrusted.judgeCommand(rejected.exitCode(), rejected.output(), Duration.ZERO).rejectionReason())
                .as(rejected.output()).contains(RejectionReason.UNTRUSTED_ROOT);
    }

    private static SSLSocket socket(AtsEndpoint endpoint, java.util.function.Consumer<SSLParameters> configure)
            throws Exception {
        SSLSocket socket = (SSLSocket) ALL_ATS.sslContext().getSocketFactory().createSocket(endpoint.hostname(), endpoint.port());
        try {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            configure.accept(parameters);
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket;
        } finally {
            socket.close();
        }
    }

    private static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static HttpClient httpClient(TrustProfile profile) {
        return HttpClient.newBuilder().sslContext(profile.sslContext()).build();
    }

    private static HttpRequest request(AtsEndpoint endpoint) {
        return HttpRequest.newBuilder(endpoint.uri()).build();
    }

    /** A per-client algorithm policy that refuses SHA-1, as a strict client would. */
    private static final class NoSha1 implements AlgorithmConstraints {
        @Override
        public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, AlgorithmParameters parameters) {
            return !algorithm.toUpperCase(Locale.ROOT).contains("SHA1");
        }

        @Override
        public boolean permits(Set<CryptoPrimitive> primitives, Key key) {
            return true;
        }

        @Override
        public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, Key key, AlgorithmParameters parameters) {
            return permits(primitives, algorithm, parameters);
        }
    }
}
