package io.github.atstrust.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.junit.AtsEnvironment;
import io.github.atstrust.junit.RequiresAtsTrust;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.scenario.ExpectedOutcome;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.trust.DefaultTrust;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The client matrix with untouched clients: every JVM client built with no trust configuration at all, in a test
 * JVM whose default trust is the mirror of itself ({@code ats.defaultTrust=mirrored}, the surefire execution
 * {@code default-trust-matrix}), gives the declared verdict and reason for every scenario with empty
 * {@code requires}, as it would meet AWS's chains in production. The AWS CRT, which reads the OS bundle, is
 * shown not to be on the mirror.
 */
@RequiresAtsTrust
class UntouchedClientsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @BeforeAll
    static void runsOnTheMirroredDefault() {
        assertThat(DefaultTrust.active()).as("run by the surefire execution default-trust-matrix, which sets "
                + "ats.defaultTrust=mirrored: without it these clients would meet the JVM's real trust").isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = UntouchedClients.class, names = "AWS_SDK_DYNAMODB_CRT", mode = EnumSource.Mode.EXCLUDE)
    void givesTheDeclaredVerdictForEveryScenarioWithNoTrustSettings(UntouchedClients client, AtsEnvironment ats)
            throws Exception {
        List<String> disagreements = new ArrayList<>();
        int cases = 0;
        try (var session = client.open(TIMEOUT)) {
            for (AtsEndpoint endpoint : ats.startAll()) {
                if (!endpoint.scenario().requires().isEmpty()) {
                    continue;
                }
                ExpectedOutcome expected = endpoint.scenario().expectedOutcomeFor(ats.mirrored());
                HandshakeOutcome outcome = endpoint.probe(() -> session.get(endpoint.uri()));
                cases++;
                if (!expected.isMetBy(outcome)) {
                    disagreements.add(endpoint.id() + ": declared " + expected + ", got " + outcome.describe());
                }
            }
        }
        ClientsReport.note("with no trust settings, on the mirrored JVM default", client.id(),
                (cases - disagreements.size()) + " of " + cases + " scenarios as declared");

        assertThat(client.readsJvmDefault()).isTrue();
        assertThat(cases).as("every scenario without requires").isGreaterThanOrEqualTo(20);
        assertThat(disagreements).as(client.id()).isEmpty();
    }

    @Test
    void theAuditStillReadsTheStoreProductionHasNotTheMirror(AtsEnvironment ats) {
        DefaultTrust mirrored = DefaultTrust.active().orElseThrow();

        assertThat(ats.audit().source()).doesNotContain(mirrored.store().toString())
                .contains(mirrored.originalProperty("javax.net.ssl.trustStore").orElse("cacerts"));
        assertThat(ats.audit().holdsTestMaterial()).as("the original store holds no fake root").isFalse();
        assertThat(mirrored.mirror().anchors()).as("the mirror holds the twins").anyMatch(ats.mirrored()::trusts);
    }

    @Test
    void theAwsCrtReadsTheOsBundleSoTheMirroredDefaultDoesNotReachIt(AtsEnvironment ats) throws Exception {
        AtsEndpoint root1 = ats.endpoint("ats-root-ca-1");
        HandshakeOutcome jdk;
        HandshakeOutcome crt;
        try (var session = UntouchedClients.JDK_HTTP_CLIENT.open(TIMEOUT)) {
            jdk = root1.probe(() -> session.get(root1.uri()));
        }
        try (var session = UntouchedClients.AWS_SDK_DYNAMODB_CRT.open(TIMEOUT)) {
            crt = root1.probe(() -> session.get(root1.uri()));
        }
        ClientsReport.note("with no trust settings, on the mirrored JVM default", UntouchedClients.AWS_SDK_DYNAMODB_CRT.id(),
                "not on the mirror: " + crt.describe());

        assertThat(root1.scenario().expectedOutcomeFor(ats.mirrored()).accepts()).isTrue();
        assertThat(jdk.accepted()).as("a JVM client on the mirror accepts: %s", jdk.describe()).isTrue();
        assertThat(crt.accepted()).as("the CRT does not: %s", crt.describe()).isFalse();
        assertThat(crt.describe()).contains("reads the OS CA bundle").contains("not the JVM's default trust");
        assertThat(UntouchedClients.AWS_SDK_DYNAMODB_CRT.readsJvmDefault()).isFalse();
    }
}
