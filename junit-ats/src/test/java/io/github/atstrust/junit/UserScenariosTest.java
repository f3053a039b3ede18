package io.github.atstrust.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import io.github.atstrust.testkit.server.AtsEndpoint;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** A user's own scenarios, served by junit-ats as the built-in ones are. */
class UserScenariosTest {

    /** The built-in scenarios and one chain of the user's: the ACM chain from a rotated intermediate. */
    public static class MyScenarios implements ScenarioSource {
        @Override
        public ScenarioCatalogue scenarios() {
            return ScenarioCatalogue.builtIn().with(Scenario.builder("my-api").description("my API's ACM chain")
                    .issuedBy(FakeCa.AMAZON_RSA_2048_M02).sends(FakeCa.AMAZON_RSA_2048_M02, FakeCa.AMAZON_ROOT_CA_1_CROSS_G2)
                    .leadsTo(FakeCa.AMAZON_ROOT_CA_1, FakeCa.STARFIELD_SERVICES_ROOT_G2).build());
        }
    }

    @RequiresAtsTrust(scenarios = MyScenarios.class)
    static class UsesMyScenarios {
        @AtsTrustMatrix(scenarios = {"my-api", "untrusted-root"}, profiles = {"starfield-class-2", "all-ats"})
        void judged(AtsCase c) {
            AtsAssertions.assertThat(c.probe(() -> handshake(c))).matches(c.expectation());
        }

        @Test
        void byName(@AtsScenario("my-api") AtsEndpoint endpoint, AtsEnvironment ats) {
            AtsAssertions.assertThat(endpoint.probe(() -> handshake(endpoint, ats.profile("all-ats")))).isAccepted();
            AtsAssertions.assertThat(endpoint.probe(() -> handshake(endpoint, ats.profile("no-ats"))))
                    .isRejectedBecause(RejectionReason.UNTRUSTED_ROOT);
        }
    }

    @Test
    void aUsersScenarioRunsUnderTheMatrixAndByNameWithItsDerivedExpectations() {
        Events tests = run(UsesMyScenarios.class, null).testEvents();

        tests.assertStatistics(stats -> stats.succeeded(5).failed(0));
        tests.assertThatEvents()
                .haveExactly(1, event(displayName("my-api with all-ats → accept"), finishedSuccessfully()))
                .haveExactly(1, event(displayName("my-api with starfield-class-2 → reject (UNTRUSTED_ROOT)"),
                        finishedSuccessfully()));
    }

    static class UsesTheDefaultSource {
        @Test
        void byName(@AtsScenario("my-api") AtsEndpoint endpoint, AtsEnvironment ats) {
            AtsAssertions.assertThat(endpoint.probe(() -> handshake(endpoint, ats.profile("amazon-root-ca-1")))).isAccepted();
        }
    }

    @Test
    void theConfigurationParameterNamesTheSourceForEveryClass() {
        run(UsesTheDefaultSource.class, MyScenarios.class.getName()).testEvents()
                .assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void withoutASourceTheUsersScenarioIsUnknownAndTheValidIdsAreNamed() {
        run(UsesTheDefaultSource.class, null).testEvents().assertThatEvents().haveExactly(1, event(
                finishedWithFailure(message(m -> m.contains("my-api") && m.contains("ats-root-ca-1")))));
    }

    @Test
    void aSourceThatIsNoClassNamesTheParameterAndTheFix() {
        run(UsesTheDefaultSource.class, "com.example.NoSuchScenarios").testEvents().assertThatEvents().haveExactly(1,
                event(finishedWithFailure(message(m ->
                        m.contains(ScenarioSource.DEFAULT_KEY + "=com.example.NoSuchScenarios") && m.contains("no such class")))));
    }

    private static EngineExecutionResults run(Class<?> fixture, String defaultSource) {
        var request = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture))
                .configurationParameter(TrustReport.DIRECTORY_KEY, "target/ats-trust-report-user-scenarios")
                .configurationParameter(AtsLiveExtension.ENABLED_KEY, "false");
        if (defaultSource != null) {
            request.configurationParameter(ScenarioSource.DEFAULT_KEY, defaultSource);
        }
        return request.execute();
    }

    private static Object handshake(AtsCase c) throws Exception {
        return handshake(c.endpoint(), c.profile());
    }

    private static Object handshake(AtsEndpoint endpoint, io.github.atstrust.testkit.trust.TrustProfile profile)
            throws Exception {
        try (SSLSocket socket = (SSLSocket) profile.sslSocketFactory().createSocket(endpoint.hostname(), endpoint.port())) {
            socket.startHandshake();
            return socket.getSession();
        }
    }
}
