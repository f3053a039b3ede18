package io.github.atstrust.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.atstrust.junit.LiveAtsTest;
import io.github.atstrust.testkit.live.LiveEndpoint;
import io.github.atstrust.testkit.live.LiveTwins;
import io.github.atstrust.testkit.server.AtsServers;
import io.github.atstrust.testkit.trust.TrustProfile;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * {@code @LiveAtsTest} over every live id, offline: live tests switched on, {@code ats.requireAll=true}, and
 * {@code ats.live.connectTo} sending each real host to its kit twin on loopback. The test body meets each endpoint
 * as {@code ats live} does and asserts what the guide says (verdict, reason, status, body).
 */
class LiveAtsTestOfflineTest {

    private static AtsServers twins;
    private static List<String> routes;

    @BeforeAll
    static void startTheTwins() {
        twins = LiveTwins.start();
        routes = LiveTwins.connectTo(twins);
    }

    @AfterAll
    static void stop() {
        if (twins != null) {
            twins.close();
        }
    }

    /** A user's live test: meets each endpoint with a store holding the (fake) ATS roots. */
    static class EveryLiveEndpoint {
        @LiveAtsTest(includeRequiring = true)
        void isJudgedAsTheAwsGuidesSay(LiveEndpoint endpoint) {
            TrustProfile trust = TrustProfiles.byId(TrustProfiles.ALL_ATS);
            LiveProbe.Result result = LiveProbe.check(endpoint,
                    endpoint.requires().contains(io.github.atstrust.testkit.scenario.ClientSetting.REVOCATION_CHECKING)
                            ? trust.revocationCheckingSslContext() : trust.sslContext(),
                    ConnectTo.parse(routes), Duration.ofSeconds(10));
            assertThat(result.agrees()).as("%s: %s", endpoint.id(), result.disagreement()).isTrue();
        }
    }

    @Test
    void everyLiveIdRunsAndAgreesWhenSwitchedOnWithEveryPrerequisiteRequired() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(EveryLiveEndpoint.class))
                .configurationParameter("ats.live", "true")
                .configurationParameter("ats.requireAll", "true")
                .configurationParameter("ats.live.connectTo", String.join(",", routes))
                .execute().testEvents();

        tests.assertStatistics(stats -> stats.started(LiveEndpoint.all().size()).succeeded(LiveEndpoint.all().size())
                .aborted(0).failed(0));
    }

    @Test
    void anUnreachableEndpointFailsInsteadOfSkippingWhenEverythingIsRequired() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(EveryLiveEndpoint.class))
                .configurationParameter("ats.live", "true")
                .configurationParameter("ats.requireAll", "true")
                .configurationParameter("ats.live.connectTo", "127.0.0.1:" + closed)
                .execute().testEvents();

        tests.assertStatistics(stats -> stats.failed(LiveEndpoint.all().size()).aborted(0).succeeded(0));
        tests.assertThatEvents().haveExactly(LiveEndpoint.all().size(), event(finishedWithFailure(message(
                m -> m.startsWith("network unreachable") && m.contains("ATS_REQUIRE_ALL=1 forbids skipping")))));
    }
}
