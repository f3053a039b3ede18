package io.github.atstrust.junit;

import static io.github.atstrust.junit.AtsAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.server.AtsEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Concurrent classes share one set of servers and one audit, and each gets the right verdicts. */
class ParallelExecutionTest {

    static final Set<URI> SERVERS_SEEN = ConcurrentHashMap.newKeySet();
    static volatile CountDownLatch allClassesRunning;

    abstract static class ConcurrentClient {
        @Test
        void meetsTheOtherClassesWhileProbing(@AtsScenario("ats-root-ca-2") AtsEndpoint good,
                                              @AtsScenario("untrusted-root") AtsEndpoint bad, AtsEnvironment ats)
                throws Exception {
            ats.startAll();
            SERVERS_SEEN.add(ats.indexUri());
            allClassesRunning.countDown();
            assertThat(allClassesRunning.await(30, TimeUnit.SECONDS)).as("all classes run at the same time").isTrue();
            HttpClient client = HttpClient.newBuilder().sslContext(ats.mirrored().sslContext()).build();

            assertThat(HandshakeOutcome.of(() -> client.send(HttpRequest.newBuilder(good.uri()).build(), BodyHandlers.ofString())))
                    .isAccepted();
            assertThat(HandshakeOutcome.of(() -> client.send(HttpRequest.newBuilder(bad.uri()).build(), BodyHandlers.ofString())))
                    .isRejected();
        }
    }

    @RequiresAtsTrust
    static class ClientA extends ConcurrentClient {
    }

    @RequiresAtsTrust
    static class ClientB extends ConcurrentClient {
    }

    @RequiresAtsTrust
    static class ClientC extends ConcurrentClient {
    }

    @Test
    void concurrentClassesShareOneSetOfServersAndAllPass() {
        SERVERS_SEEN.clear();
        allClassesRunning = new CountDownLatch(3);

        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(ClientA.class), selectClass(ClientB.class), selectClass(ClientC.class))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .execute().testEvents();

        tests.assertStatistics(stats -> stats.succeeded(3).failed(0));
        assertThat(SERVERS_SEEN).hasSize(1);
    }
}
