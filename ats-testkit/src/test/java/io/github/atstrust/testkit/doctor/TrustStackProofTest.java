package io.github.atstrust.testkit.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.Prerequisites;
import io.github.atstrust.testkit.TestPem;
import io.github.atstrust.testkit.audit.AuditReport;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.server.AtsServers;
import io.github.atstrust.testkit.trust.TrustProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof, not prediction: for each way of pointing a stack at a store (the variables the doctor names), the fake
 * twin of Amazon Root CA 1 is put into exactly that store, and every stack on this host makes a real handshake
 * with the kit's {@code ats-acm-2024} endpoint (the chain ACM serves since August 2024; the pre-2024 chain with both
 * cross-certificates is refused by GnuTLS 3.7 whatever its store holds, unless G2 or Class 2 is trusted: it
 * does not stop at a trusted Amazon root in the middle of the served chain). A stack must accept exactly when the doctor, asked with the same
 * environment, says the store it reads holds the twin: the named store flips it, every other store changes
 * nothing. Nothing of the host's is changed: only variables and temporary files.
 */
class TrustStackProofTest {

    /** Every variable that points some stack at a store; all are removed from the base environment. */
    private static final Set<String> TRUST_VARIABLES = Set.of("SSL_CERT_FILE", "SSL_CERT_DIR", "CURL_CA_BUNDLE",
            "REQUESTS_CA_BUNDLE", "AWS_CA_BUNDLE", "NODE_EXTRA_CA_CERTS", "NODE_OPTIONS", "NODE_USE_SYSTEM_CA",
            "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "WGETRC", "GIT_SSL_CAINFO", "AWS_CONFIG_FILE");

    @TempDir
    static Path work;

    private static AtsServers servers;
    private static AtsEndpoint endpoint;
    private static Map<String, String> base;
    private static Map<String, Map<String, String>> placements;

    @BeforeAll
    static void startAndPlaceTheTwin() throws Exception {
        servers = AtsServers.builder().only(Set.of("ats-acm-2024")).start();
        endpoint = servers.endpoint("ats-acm-2024");
        Path pem = Files.writeString(work.resolve("twin.pem"),
                TestPem.encode(List.of(RealAtsRoot.AMAZON_ROOT_CA_1.fakeTwin().certificate())));
        Path p12 = TrustProfile.of("twin", "the fake Amazon Root CA 1",
                List.of(RealAtsRoot.AMAZON_ROOT_CA_1.fakeTwin().certificate())).writePkcs12(work.resolve("twin.p12"),
                TrustProfile.DEFAULT_PASSWORD.toCharArray());
        Path wgetrc = Files.writeString(work.resolve("wgetrc"), "ca_certificate = " + pem + "\n");
        Path awsConfig = Files.writeString(work.resolve("aws-config"), "[default]\nca_bundle = " + pem + "\n");
        base = new HashMap<>(System.getenv());
        base.keySet().removeAll(TRUST_VARIABLES);
        base.keySet().removeIf(name -> name.toLowerCase(java.util.Locale.ROOT).endsWith("_proxy"));
        base.put("NO_PROXY", "localhost,127.0.0.1");
        base.put("AWS_CONFIG_FILE", work.resolve("no-aws-config").toString());
        base.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-aws-credentials").toString());
        base.put("AWS_ACCESS_KEY_ID", "AKIDTESTONLY");
        base.put("AWS_SECRET_ACCESS_KEY", "test-only");
        base.put("AWS_DEFAULT_REGION", "us-east-1");
        base.put("AWS_MAX_ATTEMPTS", "1");
        base.put("AWS_EC2_METADATA_DISABLED", "true");
        placements = new LinkedHashMap<>();
        placements.put("nowhere", Map.of());
        for (String variable : List.of("SSL_CERT_FILE", "CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE", "AWS_CA_BUNDLE",
                "NODE_EXTRA_CA_CERTS")) {
            placements.put(variable, Map.of(variable, pem.toString()));
        }
        placements.put("WGETRC", Map.of("WGETRC", wgetrc.toString()));
        placements.put("ca_bundle in AWS_CONFIG_FILE", Map.of("AWS_CONFIG_FILE", awsConfig.toString()));
        placements.put("JAVA_TOOL_OPTIONS", Map.of("JAVA_TOOL_OPTIONS", "-Djavax.net.ssl.trustStore=" + p12
                + " -Djavax.net.ssl.trustStorePassword=" + TrustProfile.DEFAULT_PASSWORD));
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void eachStackAcceptsExactlyWhenTheStoreTheDoctorNamesHoldsTheTwin() throws Exception {
        List<TrustStack> found = TrustStack.examineHost(base);
        for (String required : List.of("openssl", "curl", "wget", "gnutls", "python-ssl", "requests", "botocore",
                "aws-cli", "go")) {
            Prerequisites.require(found.stream().anyMatch(s -> s.id().equals(required) && s.present()),
                    required + " is not on this host (the doctor finds it absent)");
        }
        Prerequisites.require(found.stream().filter(s -> s.present() && s.id().startsWith("jdk:")).count() >= 2,
                "fewer than two JDKs on this host");
        ProofClients proof = new ProofClients(work);
        List<ProofClients.Client> clients = proof.of(found, proof.jdkProbe(), proof.goProbe(base),
                ProofClients.resource(work, "probe.py"), "localhost:" + endpoint.port());
        String url = endpoint.uri().toString();

        Map<String, List<String>> flippedBy = new TreeMap<>();
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> placement : placements.entrySet()) {
            Map<String, String> env = new HashMap<>(base);
            env.putAll(placement.getValue());
            Map<String, TrustStack> doctor = new HashMap<>();
            TrustStack.examineHost(env).forEach(s -> doctor.put(s.id(), s));
            for (ProofClients.Client client : clients) {
                TrustStack row = doctor.get(client.stackId());
                boolean doctorSaysTwin = row.audit().map(AuditReport::holdsTestMaterial).orElse(false);
                ProofClients.Verdict verdict = ProofClients.verdict(client, url, env);
                String who = client.label() + " (" + client.stackId() + ")";
                if ((verdict == ProofClients.Verdict.ACCEPTED) != doctorSaysTwin) {
                    disagreements.add("twin in " + placement.getKey() + ": " + who + " " + verdict + ", but the doctor "
                            + "says it reads " + row.store() + (doctorSaysTwin ? ", which holds the twin" : ", without it"));
                }
                if (verdict == ProofClients.Verdict.ACCEPTED) {
                    flippedBy.computeIfAbsent(who, k -> new ArrayList<>()).add(placement.getKey());
                }
            }
        }

        assertThat(disagreements).as("handshakes that contradict the doctor").isEmpty();
        for (ProofClients.Client client : clients) {
            String who = client.label() + " (" + client.stackId() + ")";
            if (client.label().equals("gnutls")) {
                // GnuTLS reads no variable: only the OS bundle flips it, which only an image may change
                assertThat(flippedBy).as(who + " flipped by a variable").doesNotContainKey(who);
            } else {
                assertThat(flippedBy.get(who)).as(who + ": some store must flip it, and the twin nowhere must not")
                        .isNotEmpty().doesNotContain("nowhere");
            }
        }
        assertThat(flippedBy).as("which store flipped which stack, measured")
                .containsEntry("node (node:/usr/bin/node)", List.of("NODE_EXTRA_CA_CERTS"))
                .containsEntry("python (requests)", List.of("CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE"))
                .containsEntry("python (python-ssl)", List.of("SSL_CERT_FILE"))
                .containsEntry("python (botocore)", List.of("REQUESTS_CA_BUNDLE", "AWS_CA_BUNDLE",
                        "ca_bundle in AWS_CONFIG_FILE"));
        System.out.println("measured: " + flippedBy);
    }
}
