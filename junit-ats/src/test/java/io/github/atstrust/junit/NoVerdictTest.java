package io.github.atstrust.junit;

import static io.github.atstrust.junit.AtsAssertions.assertThat;
import static io.github.atstrust.junit.AtsAssertions.assertThatThrownBy;

import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.scenario.ExpectedOutcome;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.trust.TrustProfile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A dead endpoint, a plain-HTTP port and an exception in the test's own code reach no TLS verdict, and so
 * satisfy none of the assertions: each fails saying so.
 */
@RequiresAtsTrust
class NoVerdictTest {

    private static final List<Assertion> EVERY_ASSERTION = List.of(
            new Assertion("isAccepted", o -> assertThat(o).isAccepted()),
            new Assertion("isRejected", o -> assertThat(o).isRejected()),
            new Assertion("isRejectedBecause(UNTRUSTED_ROOT)", o -> assertThat(o).isRejectedBecause(RejectionReason.UNTRUSTED_ROOT)),
            new Assertion("isRejectedBecause(TIMEOUT)", o -> assertThat(o).isRejectedBecause(RejectionReason.TIMEOUT)),
            new Assertion("matches(accept)", o -> assertThat(o).matches(ExpectedOutcome.accept())),
            new Assertion("matches(reject (UNTRUSTED_ROOT))",
                    o -> assertThat(o).matches(ExpectedOutcome.reject(RejectionReason.UNTRUSTED_ROOT))));

    private record Assertion(String name, Consumer<HandshakeOutcome> check) {
    }

    @TestFactory
    Stream<DynamicTest> deadEndpointFailsEveryAssertion(@AtsProfile("all-ats") TrustProfile allAts) throws IOException {
        int closed = closedPort();
        HandshakeOutcome outcome = HandshakeOutcome.of(() -> send(allAts, URI.create("https://localhost:" + closed + "/")),
                "localhost:" + closed, false);

        return failEveryAssertion(outcome, "no TLS verdict: connection refused (localhost:" + closed + ")");
    }

    @TestFactory
    Stream<DynamicTest> plainHttpPortFailsEveryAssertion(AtsEnvironment ats, @AtsProfile("all-ats") TrustProfile allAts) {
        ats.startAll();
        URI plain = URI.create("https://localhost:" + ats.indexUri().getPort() + "/");

        HandshakeOutcome outcome = HandshakeOutcome.of(() -> send(allAts, plain));

        return failEveryAssertion(outcome, "no TLS verdict: the peer does not speak TLS");
    }

    @TestFactory
    Stream<DynamicTest> exceptionInTheTestsOwnCodeFailsEveryAssertionAndKeepsItsStackTrace(
            @AtsScenario("untrusted-root") AtsEndpoint untrusted) {
        HttpClient notBuilt = null;

        HandshakeOutcome outcome = untrusted.probe(() -> notBuilt.send(HttpRequest.newBuilder(untrusted.uri()).build(),
                BodyHandlers.ofString()));

        return Stream.concat(failEveryAssertion(outcome, "no TLS verdict: the probed code threw java.lang.NullPointerException"),
                Stream.of(DynamicTest.dynamicTest("the failure's cause is the NullPointerException", () -> {
                    ThrowingCallable check = () -> assertThat(outcome).isRejectedBecause(RejectionReason.UNTRUSTED_ROOT);
                    assertThatThrownBy(check).hasCauseInstanceOf(NullPointerException.class)
                            .cause().hasStackTraceContaining("NoVerdictTest");
                })));
    }

    private static Stream<DynamicTest> failEveryAssertion(HandshakeOutcome outcome, String expectedWords) {
        return EVERY_ASSERTION.stream().map(assertion -> DynamicTest.dynamicTest(assertion.name(), () ->
                assertThatThrownBy(() -> assertion.check().accept(outcome)).isInstanceOf(AssertionError.class)
                        .hasMessageContaining("but " + expectedWords)));
    }

    private static Object send(TrustProfile profile, URI uri) throws Exception {
        return HttpClient.newBuilder().sslContext(profile.sslContext()).build()
                .send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
