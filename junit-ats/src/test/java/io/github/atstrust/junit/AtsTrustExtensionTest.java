package io.github.atstrust.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.trust.TrustProfile;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The extension's own behaviour, observed through the JUnit Platform TestKit. */
class AtsTrustExtensionTest {

    @TempDir
    Path reportDir;

    // ---- audit -------------------------------------------------------------------------------------

    @RequiresAtsTrust(truststore = "classpath:stores/starfield-class-2-only.p12")
    static class StoreTrustingOnlyClass2 {
        @Test
        void neverRuns() {
        }
    }

    @Test
    void failsTheClassWithTheAuditsExplanationAndFixWhenTheStoreDoesNotTrustAts() {
        Events containers = run(StoreTrustingOnlyClass2.class).containerEvents();

        containers.assertThatEvents().haveExactly(1, event(container(StoreTrustingOnlyClass2.class),
                finishedWithFailure(instanceOf(AssertionFailedError.class),
                        message(m -> m.contains("classpath:stores/starfield-class-2-only.p12") && m.contains("DEGRADED")
                                && m.contains("Fix: add Amazon Root CA 1") && m.contains("amazontrust.com")))));
    }

    @RequiresAtsTrust(truststore = "classpath:stores/starfield-class-2-only.p12", require = "any-guide-anchor")
    static class Class2OnlyUnderTheGuidesRule {
        @Test
        void runs() {
        }
    }

    @RequiresAtsTrust(truststore = "classpath:stores/starfield-class-2-only.p12", require = "amazon-root-ca-1")
    static class Class2OnlyForServicesChainingToRootCa1 {
        @Test
        void neverRuns() {
        }
    }

    @RequiresAtsTrust(require = "amazon-root-ca-9")
    static class UnknownRequirement {
        @Test
        void neverRuns() {
        }
    }

    @Test
    void aStoreMeetingTheGuidesRuleRunsWhenTheUserStatesThatRule() {
        run(Class2OnlyUnderTheGuidesRule.class).testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void aStatedRequirementFailsWithTheRealChainsTheStoreFails() {
        run(Class2OnlyForServicesChainingToRootCa1.class).containerEvents().assertThatEvents().haveExactly(1,
                event(container(Class2OnlyForServicesChainingToRootCa1.class), finishedWithFailure(
                        instanceOf(AssertionFailedError.class), message(m -> m.contains("does not meet the requirement "
                                + "'amazon-root-ca-1'") && m.contains("ACM chains since August 2024 anchored at Amazon Root CA 1 fail")))));
    }

    @Test
    void anUnknownRequirementNamesTheAcceptedValues() {
        run(UnknownRequirement.class).containerEvents().assertThatEvents().haveExactly(1,
                event(container(UnknownRequirement.class), finishedWithFailure(message(m -> m.contains("amazon-root-ca-9")
                        && m.contains("any-guide-anchor") && m.contains("amazon-root-ca-1,amazon-root-ca-2")))));
    }

    @RequiresAtsTrust(truststore = "classpath:stores/real-ats-roots.jks", password = "s3cret")
    static class StoreWithEveryRealRoot {
        @Test
        void runs(AtsEnvironment ats) {
            assertThat(ats.audit().trustsAts()).isTrue();
        }
    }

    @Test
    void passesAStoreHoldingTheRealRootsWithItsPassword() {
        run(StoreWithEveryRealRoot.class).testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @RequiresAtsTrust(truststore = "/etc/ssl/certs")
    static class OsCertificateDirectory {
        @Test
        void runs(AtsEnvironment ats) {
            assertThat(ats.audit().source()).contains("/etc/ssl/certs");
            assertThat(ats.audit().trustsAts()).isTrue();
        }
    }

    @Test
    void readsAPlainPathAsTheCliDoes() {
        run(OsCertificateDirectory.class).testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @RequiresAtsTrust(truststore = "docker:")
    static class MalformedImage {
        @Test
        void neverRuns() {
        }
    }

    @Test
    void aMalformedSourceNamesTheGrammar() {
        run(MalformedImage.class).containerEvents().assertThatEvents().haveExactly(1, event(container(MalformedImage.class),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                        message(m -> m.contains("docker:") && m.contains("classpath:RESOURCE")))));
    }

    @RequiresAtsTrust(truststore = "classpath:stores/real-ats-roots.jks", password = "wrong")
    static class WrongPassword {
        @Test
        void neverRuns() {
        }
    }

    @Test
    void failsTheClassNamingTheStoreWhenThePasswordIsWrong() {
        run(WrongPassword.class).containerEvents().assertThatEvents().haveExactly(1, event(container(WrongPassword.class),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                        message(m -> m.contains("real-ats-roots.jks") && m.contains("wrong password")))));
    }

    @RequiresAtsTrust(truststore = "file:/no/such/truststore.p12")
    static class MissingStore {
        @Test
        void neverRuns() {
        }
    }

    @Test
    void failsTheClassNamingTheStoreWhenItIsMissing() {
        run(MissingStore.class).containerEvents().assertThatEvents().haveExactly(1, event(container(MissingStore.class),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                        message(m -> m.contains("/no/such/truststore.p12") && m.contains("no such file")))));
    }

    @RequiresAtsTrust(password = "secret")
    static class JvmStoreWithPassword {
        @Test
        void neverRuns() {
        }
    }

    @Test
    void refusesAPasswordForTheJvmStore() {
        run(JvmStoreWithPassword.class).containerEvents().assertThatEvents().haveExactly(1,
                event(container(JvmStoreWithPassword.class), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class), message(m -> m.contains("remove password")))));
    }

    // ---- parameters ----------------------------------------------------------------------------------

    @RequiresAtsTrust
    static class UnknownIds {
        @Test
        void unknownScenario(@AtsScenario("ats-root-ca-9") AtsEndpoint endpoint) {
        }

        @Test
        void unknownProfile(@AtsProfile("amazon-root-ca-9") TrustProfile profile) {
        }
    }

    @Test
    void unknownScenarioOrProfileIdIsAParameterErrorListingTheValidIds() {
        Events tests = run(UnknownIds.class).testEvents();

        tests.assertThatEvents()
                .haveExactly(1, event(test("unknownScenario"), finishedWithFailure(instanceOf(ParameterResolutionException.class),
                        message(m -> m.contains("ats-root-ca-9") && m.contains("valid ids: ats-root-ca-1")))))
                .haveExactly(1, event(test("unknownProfile"), finishedWithFailure(instanceOf(ParameterResolutionException.class),
                        message(m -> m.contains("amazon-root-ca-9") && m.contains("no-ats, mirrored")))));
    }

    static class WithoutRequiresAtsTrust {
        @Test
        void endpointAndProfileOnTheirOwn(@AtsScenario("untrusted-root") AtsEndpoint endpoint,
                                          @AtsProfile("all-ats") TrustProfile allAts) {
            org.assertj.core.api.Assertions.assertThat(endpoint.probe(() -> java.net.http.HttpClient.newBuilder()
                    .sslContext(allAts.sslContext()).build().send(java.net.http.HttpRequest.newBuilder(endpoint.uri())
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofString())).rejectionReason())
                    .contains(io.github.atstrust.testkit.probe.RejectionReason.UNTRUSTED_ROOT);
        }

        @Test
        void scenarioOnAString(@AtsScenario("untrusted-root") String endpoint) {
        }

        @Test
        void profileOnAKeyStore(@AtsProfile("all-ats") java.security.KeyStore store) {
        }
    }

    @Test
    void qualifiedParametersWorkWithoutRequiresAtsTrustAndAWrongTypeNamesTheRightOne() {
        Events tests = run(WithoutRequiresAtsTrust.class).testEvents();

        tests.assertThatEvents()
                .haveExactly(1, event(test("endpointAndProfileOnTheirOwn"), finishedSuccessfully()))
                .haveExactly(1, event(test("scenarioOnAString"), finishedWithFailure(instanceOf(ParameterResolutionException.class),
                        message(m -> m.contains("@AtsScenario goes on a parameter of type AtsEndpoint")
                                && m.contains("is a String")))))
                .haveExactly(1, event(test("profileOnAKeyStore"), finishedWithFailure(instanceOf(ParameterResolutionException.class),
                        message(m -> m.contains("@AtsProfile goes on a parameter of type TrustProfile")
                                && m.contains("is a KeyStore")))));
    }

    // ---- servers, started as tests ask -----------------------------------------------------------------

    @RequiresAtsTrust
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class OneScenarioThenAll {
        static final List<Integer> PORTS = new CopyOnWriteArrayList<>();

        @Test
        @Order(1)
        void oneScenario(@AtsScenario("ats-root-ca-1") AtsEndpoint endpoint) {
            PORTS.add(endpoint.port());
            AtsAssertions.assertThat(handshake(endpoint)).isAccepted();
        }

        @Test
        @Order(2)
        void everyScenario(AtsEnvironment environment) {
            assertThat(environment.startAll()).hasSize(ScenarioCatalogue.builtIn().scenarios().size());
            AtsEndpoint fromAll = environment.endpoint("ats-root-ca-1");
            PORTS.add(fromAll.port());
            assertThat(fromAll).isIn(environment.startAll());
            AtsAssertions.assertThat(handshake(fromAll)).isAccepted();
            AtsAssertions.assertThat(handshake(environment.endpoint("untrusted-root"))).isRejectedBecause(RejectionReason.UNTRUSTED_ROOT);
        }

        private static HandshakeOutcome handshake(AtsEndpoint endpoint) {
            return endpoint.probe(() -> {
                try (SSLSocket socket = (SSLSocket) TrustProfiles.byId("all-ats").sslContext()
                        .getSocketFactory().createSocket(endpoint.hostname(), endpoint.port())) {
                    socket.startHandshake();
                    return socket.getSession();
                }
            });
        }
    }

    @Test
    void startsTheScenarioATestAsksForThenEveryScenarioWhenOneNeedsThemAllAndStopsBothAtTheEnd() {
        OneScenarioThenAll.PORTS.clear();

        run(OneScenarioThenAll.class).testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));

        assertThat(OneScenarioThenAll.PORTS).hasSize(2).doesNotHaveDuplicates();
        for (int port : OneScenarioThenAll.PORTS) {
            assertThat(listening(port)).as("port %d after the run", port).isFalse();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    // ---- the matrix ----------------------------------------------------------------------------------

    @RequiresAtsTrust
    static class SmallMatrix {
        @AtsTrustMatrix(scenarios = "ats-root-ca-3", profiles = {"amazon-root-ca-3", "no-ats"})
        void cell(AtsCase c) {
            c.probe(() -> java.net.http.HttpClient.newBuilder().sslContext(c.profile().sslContext()).build()
                    .send(java.net.http.HttpRequest.newBuilder(c.endpoint().uri()).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString()));
        }
    }

    @Test
    void matrixRunsOncePerScenarioAndProfileWithReadableNamesAndWritesTheReport() throws Exception {
        Events tests = run(SmallMatrix.class).testEvents();

        tests.assertStatistics(stats -> stats.succeeded(2));
        tests.assertThatEvents()
                .haveExactly(1, event(test(), displayName("ats-root-ca-3 with amazon-root-ca-3 → accept"), finishedSuccessfully()))
                .haveExactly(1, event(test(), displayName("ats-root-ca-3 with no-ats → reject (UNTRUSTED_ROOT)"), finishedSuccessfully()));
        assertThat(reportDir.resolve("index.html")).isRegularFile();
        assertThat(Files.readString(reportDir.resolve("report.json")))
                .contains("\"scenario\" : \"ats-root-ca-3\"").contains("\"reason\" : \"UNTRUSTED_ROOT\"");
    }

    @RequiresAtsTrust
    static class MatrixProbingThroughTheEndpoint {
        @AtsTrustMatrix(scenarios = "untrusted-root", profiles = "all-ats")
        void cell(AtsCase c) {
            AtsEndpoint endpoint = c.endpoint();
            endpoint.probe(() -> java.net.http.HttpClient.newBuilder().sslContext(c.profile().sslContext()).build()
                    .send(java.net.http.HttpRequest.newBuilder(endpoint.uri()).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString()));
        }
    }

    @Test
    void aCaseProbedThroughItsEndpointIsRecordedAsThroughTheCase() throws Exception {
        run(MatrixProbingThroughTheEndpoint.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(Files.readString(reportDir.resolve("report.json")))
                .contains("\"scenario\" : \"untrusted-root\"").contains("\"profile\" : \"all-ats\"")
                .contains("\"reason\" : \"UNTRUSTED_ROOT\"");
    }

    static class MatrixListingARequiringScenario {
        @AtsTrustMatrix(scenarios = "revoked")
        void cell(AtsCase c) {
        }
    }

    @Test
    void matrixListingAScenarioThatRequiresSettingsWithoutIncludeRequiringIsAConfigurationError() {
        run(MatrixListingARequiringScenario.class).allEvents().assertThatEvents().haveAtLeastOne(event(
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                        message(m -> m.contains("'revoked'") && m.contains("includeRequiring = true")))));
    }

    // ---- live tests ----------------------------------------------------------------------------------

    static class Live {
        @LiveAtsTest({"dynamodb-eu-west-3", "untrusted-root-badssl"})
        void live(io.github.atstrust.testkit.live.LiveEndpoint endpoint) {
            throw new AssertionError("must not run here: " + endpoint);
        }
    }

    @Test
    void liveTestsAreAbortedWithTheReasonUnlessSwitchedOn() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Live.class))
                .configurationParameter(AtsLiveExtension.ENABLED_KEY, "false").execute().testEvents();

        tests.assertStatistics(stats -> stats.aborted(2).failed(0));
        tests.assertThatEvents().haveExactly(2, event(abortedWithReason(instanceOf(TestAbortedException.class),
                message(m -> m.contains("-Dats.live=true") && m.contains("ATS_LIVE=1")))));
    }

    @Test
    void switchedOnLiveTestsAreAbortedAsUnreachableWhenTheNetworkIsDown() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }

        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Live.class))
                .configurationParameter(AtsLiveExtension.ENABLED_KEY, "true")
                .configurationParameter(AtsLiveExtension.CONNECT_TO_KEY, "127.0.0.1:" + closedPort)
                .configurationParameter(AtsLiveExtension.REQUIRE_ALL_KEY, "false")
                .execute().testEvents();

        tests.assertStatistics(stats -> stats.aborted(2).failed(0));
        tests.assertThatEvents().haveExactly(2, event(abortedWithReason(message(
                m -> m.startsWith("network unreachable") && m.contains("127.0.0.1:" + closedPort)))));
    }

    @Test
    void aMalformedConnectToIsAConfigurationErrorNamingBothForms() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Live.class))
                .configurationParameter(AtsLiveExtension.ENABLED_KEY, "true")
                .configurationParameter(AtsLiveExtension.CONNECT_TO_KEY, "nonsense")
                .execute().testEvents();

        tests.assertStatistics(stats -> stats.failed(2).aborted(0));
        tests.assertThatEvents().haveExactly(2, event(finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                message(m -> m.contains("HOST:PORT:HOST2:PORT2") && m.contains("HOST2:PORT2 for every endpoint")))));
    }

    private org.junit.platform.testkit.engine.EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture))
                .configurationParameter(TrustReport.DIRECTORY_KEY, reportDir.toString())
                .configurationParameter(AtsLiveExtension.ENABLED_KEY, "false").execute();
    }
}
