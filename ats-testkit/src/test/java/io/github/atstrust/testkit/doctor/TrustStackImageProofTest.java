package io.github.atstrust.testkit.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.Prerequisites;
import io.github.atstrust.testkit.ProcessRun;
import io.github.atstrust.testkit.TestPem;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.server.AtsServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor's claims about an image, proven in it: {@code ats-clients:bookworm} plus a copy of its JDK unpacked
 * as an archive would be ({@code /opt/java/openjdk}, its own {@code cacerts} file). The doctor examines that
 * image; then a container of it installs the fake Root CA 1 twin into the OS store ({@code update-ca-certificates})
 * and each stack makes a real handshake with the kit before and after. A stack flips exactly when the doctor says
 * it follows the OS store: Debian's JDK, Node, curl, wget (GnuTLS), Python's ssl and requests (Debian's certifi)
 * do; the archive JDK does not.
 */
class TrustStackImageProofTest {

    static final String IMAGE = "ats-clients:bookworm";
    static final String DERIVED = "ats-doctor-proof:archive-jdk";

    @TempDir
    static Path work;

    private static AtsServers servers;

    @BeforeAll
    static void deriveTheImage() throws Exception {
        Prerequisites.require(ProcessRun.run(List.of("docker", "image", "inspect", IMAGE)).exitCode() == 0,
                "no local image " + IMAGE + " (containers/build-client-image.sh " + IMAGE + " ...; see .ci/run)");
        String container = "ats-doctor-proof-" + ProcessHandle.current().pid();
        ProcessRun copied = ProcessRun.run(List.of("docker", "run", "--name", container, "--network", "none",
                IMAGE, "sh", "-c", "mkdir -p /opt/java && cp -rL /usr/lib/jvm/java-17-openjdk-amd64 /opt/java/openjdk"));
        try {
            assertThat(copied.exitCode()).as(copied.output()).isZero();
            ProcessRun committed = ProcessRun.run(List.of("docker", "commit", container, DERIVED));
            assertThat(committed.exitCode()).as(committed.output()).isZero();
        } finally {
            ProcessRun.run(List.of("docker", "rm", "-f", container));
        }
        servers = AtsServers.builder().only(Set.of("ats-acm-2024")).start();
    }

    @AfterAll
    static void removeTheImage() throws Exception {
        if (servers != null) {
            servers.close();
            ProcessRun.run(List.of("docker", "rmi", "-f", DERIVED));
        }
    }

    @Test
    void eachStackFlipsWithTheOsStoreExactlyWhenTheDoctorSaysItFollowsIt() throws Exception {
        Map<String, TrustStack> doctor = new TreeMap<>();
        TrustStack.examineImage(DERIVED).forEach(s -> doctor.put(s.id(), s));
        assertThat(doctor.get("jdk:/usr/lib/jvm/java-17-openjdk-amd64").rule()).contains("this JDK follows the OS store");
        assertThat(doctor.get("jdk:/opt/java/openjdk").rule()).contains("this JDK's own file");
        assertThat(doctor.get("node:/usr/bin/node").rule()).contains("built with --openssl-use-def-ca-store");
        assertThat(doctor.get("requests").rule()).contains("a distribution's certifi");
        assertThat(doctor.get("go").present()).isFalse();
        assertThat(doctor.get("botocore").present()).isFalse();

        Map<String, Boolean> followsOs = new LinkedHashMap<>();
        followsOs.put("jdk:/usr/lib/jvm/java-17-openjdk-amd64", followsTheOsStore(doctor.get("jdk:/usr/lib/jvm/java-17-openjdk-amd64")));
        followsOs.put("jdk:/opt/java/openjdk", followsTheOsStore(doctor.get("jdk:/opt/java/openjdk")));
        for (String id : List.of("node:/usr/bin/node", "curl", "wget", "gnutls", "python-ssl", "requests")) {
            followsOs.put(id, followsTheOsStore(doctor.get(id)));
        }

        Map<String, String> measured = prove(servers.endpoint("ats-acm-2024"));

        Map<String, String> expected = new LinkedHashMap<>();
        followsOs.forEach((id, follows) -> expected.put(id, follows ? "REFUSED -> ACCEPTED" : "REFUSED -> REFUSED"));
        assertThat(measured).as("before -> after update-ca-certificates, per stack").isEqualTo(expected);
        assertThat(followsOs).as("the doctor's claims").containsEntry("jdk:/opt/java/openjdk", false)
                .containsEntry("jdk:/usr/lib/jvm/java-17-openjdk-amd64", true).containsEntry("node:/usr/bin/node", true);
    }

    /** The doctor's store for the stack is the OS bundle, a link to it, or the JDK store generated from it. */
    private static boolean followsTheOsStore(TrustStack stack) {
        assertThat(stack).isNotNull();
        assertThat(stack.present()).as(stack.id()).isTrue();
        return stack.rule().contains("this JDK follows the OS store") || stack.store().endsWith("/etc/ssl/certs/ca-certificates.crt")
                || stack.rule().contains("links to /etc/ssl/certs/ca-certificates.crt");
    }

    /** Runs every probe in a container before and after installing the twin; returns "before -> after" per id. */
    private static Map<String, String> prove(AtsEndpoint endpoint) throws Exception {
        Path proof = Files.createDirectories(work.resolve("proof"));
        Files.writeString(proof.resolve("twin.crt"), TestPem.encode(List.of(RealAtsRoot.AMAZON_ROOT_CA_1.fakeTwin()
                .certificate())));
        new ProofClients(proof).jdkProbe();
        ProofClients.resource(proof, "probe.py");
        ProofClients.resource(proof, "image-proof.sh");
        ProcessRun run = ProcessRun.run(List.of("docker", "run", "--rm", "--network", "host", "-v", proof + ":/proof",
                DERIVED, "sh", "/proof/image-proof.sh", endpoint.uri().toString()));
        assertThat(run.exitCode()).as(run.output()).isZero();
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        Map<String, String> round = before;
        for (String line : run.output().lines().toList()) {
            if (line.equals("== after")) {
                round = after;
            } else if (line.startsWith("jdk:") || line.startsWith("node:") || line.matches("^[a-z-]+ (ACCEPTED|REFUSED).*")) {
                String[] parts = line.split(" ", 3);
                if (parts[1].equals("REFUSED")) {
                    assertThat(parts.length > 2 ? parts[2] : "").as("why " + parts[0] + " refused: a certificate reason")
                            .containsPattern("(?i)certificate|PKIX|CERT_|issuer|verify");
                }
                round.put(parts[0], parts[1]);
            }
        }
        assertThat(before.keySet()).as(run.output()).isEqualTo(after.keySet());
        return before.keySet().stream().collect(Collectors.toMap(id -> id, id -> before.get(id) + " -> " + after.get(id),
                (a, b) -> a, LinkedHashMap::new));
    }
}
