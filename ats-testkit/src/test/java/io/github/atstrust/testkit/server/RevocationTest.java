package io.github.atstrust.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.Prerequisites;
import io.github.atstrust.testkit.ProcessRun;
import io.github.atstrust.testkit.TestPem;
import io.github.atstrust.testkit.TruthTable;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import io.github.atstrust.testkit.trust.TrustProfile;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.PKIXRevocationChecker.Option;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Revocation along the whole chain, as clients that check it meet the real ATS hierarchy: every CA certificate
 * below a root carries OCSP, CRL and caIssuers URLs answered by the kit, so a JDK client whose
 * {@link PKIXRevocationChecker} is left at its defaults (every certificate of the path, OCSP with CRL fallback),
 * or set to CRLs only, accepts every good chain and rejects a revoked leaf and a revoked intermediate as
 * REVOKED; {@code openssl verify -crl_check_all} with the kit's CRLs agrees. Revocation is switched on per client
 * only (no global property is touched).
 */
class RevocationTest {

    enum Mode {
        OCSP_THEN_CRL_WHOLE_CHAIN(),
        CRL_ONLY_WHOLE_CHAIN(Option.PREFER_CRLS, Option.NO_FALLBACK);

        final Option[] options;

        Mode(Option... options) {
            this.options = options;
        }
    }

    private static final List<String> REVOKED = List.of("revoked", "revoked-intermediate");
    private static final Map<String, HttpClient> CLIENTS = new ConcurrentHashMap<>();
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

    /** Every good scenario under every profile that accepts it, and both revoked ones under the same anchors. */
    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Scenario scenario : ScenarioCatalogue.builtIn().scenarios()) {
            boolean good = scenario.requires().isEmpty() && scenario.defect().isEmpty();
            if (good || REVOKED.contains(scenario.id())) {
                for (TrustProfile profile : TrustProfiles.builtIn()) {
                    if (scenario.anchors().stream().anyMatch(anchor -> profile.trusts(anchor.certificate()))) {
                        cases.add(Arguments.of(scenario.id(), profile.id()));
                    }
                }
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> casesPerMode() {
        return cases().flatMap(c -> Stream.of(Mode.values()).map(mode -> Arguments.of(mode, c.get()[0], c.get()[1])));
    }

    @ParameterizedTest(name = "{0}: {1} under {2}")
    @MethodSource("casesPerMode")
    void jdkCheckingRevocationAlongTheWholeChainAcceptsGoodChainsAndRejectsRevokedOnesAsRevoked(Mode mode,
            String scenarioId, String profileId) {
        AtsEndpoint endpoint = servers.endpoint(scenarioId);
        HttpClient client = CLIENTS.computeIfAbsent(mode + "/" + profileId, key -> HttpClient.newBuilder()
                .sslContext(revocationChecking(profileId, mode)).build());

        HandshakeOutcome outcome = endpoint.probe(() -> {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(endpoint.uri()).build(), BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("healthy: localhost");
            return response;
        });

        assertThat(TruthTable.said(outcome)).as("%s: %s", mode, outcome)
                .isEqualTo(REVOKED.contains(scenarioId) ? "reject (REVOKED)" : "accept");
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("cases")
    void opensslVerifyWithCrlCheckAllAgrees(String scenarioId, String profileId) throws Exception {
        Prerequisites.requireTool("openssl", "version");
        AtsEndpoint endpoint = servers.endpoint(scenarioId);
        Path dir = Files.createTempDirectory(files, scenarioId);
        Path bundle = TrustProfiles.byId(profileId).writePemBundle(dir.resolve("bundle.pem"));
        Path leaf = Files.writeString(dir.resolve("leaf.pem"), TestPem.encode(List.of(endpoint.leaf())));
        Path untrusted = Files.writeString(dir.resolve("untrusted.pem"), TestPem.encode(endpoint.intermediates()));

        Path rootCrls = Files.writeString(dir.resolve("root-crls.pem"), rootCrlsAsPem());

        // -crl_check_all checks the anchor too, which has no distribution point: its own CRL comes from the kit
        // by hand (-CRLfile); every other CRL is fetched from the certificates' distribution points.
        ProcessRun run = ProcessRun.run(List.of("openssl", "verify", "-crl_check_all", "-crl_download", "-CRLfile",
                rootCrls.toString(), "-CAfile", bundle.toString(), "-untrusted", untrusted.toString(),
                "-purpose", "sslserver", leaf.toString()));
        HandshakeOutcome outcome = endpoint.judgeCommand(run.exitCode(), run.output(), Duration.ZERO);

        assertThat(TruthTable.said(outcome)).as("openssl said: %s", run.output())
                .isEqualTo(REVOKED.contains(scenarioId) ? "reject (REVOKED)" : "accept");
    }

    @Test
    void everyGoodScenarioIsCoveredUnderEveryAcceptingProfile() {
        assertThat(cases()).extracting(a -> (String) a.get()[0]).contains("ats-root-ca-1", "ats-root-ca-2", "ats-root-ca-3",
                "ats-root-ca-4", "ats-acm-2024", "rotated-intermediate", "tls12-only", "revoked", "revoked-intermediate");
        assertThat(ScenarioCatalogue.builtIn().byId("ats-root-ca-2").expectedOutcomeFor(TrustProfiles.byId("starfield-class-2")).accepts()).isTrue();
    }

    @Test
    void everyCaCertificateBelowARootCarriesTheKitsRevocationAndIssuerUrls() {
        for (AtsEndpoint endpoint : servers.endpoints()) {
            // a root sent along (root-sent-along) is no CA below a root: self-signed, it names no issuer to fetch
            endpoint.intermediates().stream().filter(ca -> !ca.getIssuerX500Principal().equals(ca.getSubjectX500Principal()))
                    .forEach(ca -> {
                        assertThat(ca.getExtensionValue("1.3.6.1.5.5.7.1.1")).as("AIA of %s", ca.getSubjectX500Principal()).isNotNull();
                        assertThat(ca.getExtensionValue("2.5.29.31")).as("CRL DP of %s", ca.getSubjectX500Principal()).isNotNull();
                    });
        }
    }

    @Test
    void ocspGetWithAnEncodedSlashReachesTheResponder() throws Exception {
        URI get = servers.indexUri().resolve("/ocsp/MAo" + "%2F" + "MAgwBjAEAgEB");

        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(get).build(),
                BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/ocsp-response");
    }

    @Test
    void caIssuersUrlServesTheIssuersCertificateAsServed() throws Exception {
        AtsEndpoint endpoint = servers.endpoint("ats-root-ca-1");
        URI m01 = servers.indexUri().resolve("/ca/amazon-rsa-2048-m01.cer");

        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(m01).build(),
                BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(endpoint.intermediates().get(0).getEncoded());
    }

    /** The CRL each fake ATS root publishes (covering itself and what it issued), as openssl's PEM. */
    private static String rootCrlsAsPem() throws Exception {
        StringBuilder pem = new StringBuilder();
        for (FakeCa root : List.of(FakeCa.AMAZON_ROOT_CA_1, FakeCa.AMAZON_ROOT_CA_2, FakeCa.AMAZON_ROOT_CA_3,
                FakeCa.AMAZON_ROOT_CA_4, FakeCa.STARFIELD_SERVICES_ROOT_G2, FakeCa.STARFIELD_CLASS_2)) {
            byte[] der = HttpClient.newHttpClient().send(HttpRequest.newBuilder(servers.indexUri()
                    .resolve("crl/" + root.id() + ".crl")).build(), BodyHandlers.ofByteArray()).body();
            pem.append("-----BEGIN X509 CRL-----\n")
                    .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der))
                    .append("\n-----END X509 CRL-----\n");
        }
        return pem.toString();
    }

    private static SSLContext revocationChecking(String profileId, Mode mode) {
        return TrustProfiles.byId(profileId).revocationCheckingSslContext(mode.options);
    }

}
