package io.github.atstrust.junit;

import static io.github.atstrust.junit.AtsAssertions.assertThat;

import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.server.AtsEndpoint;
import org.junit.jupiter.api.Test;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;

/** The README's "Test your client in 10 lines", kept compiling and passing. */
// README-EXAMPLE-START
@RequiresAtsTrust                                   // audits the JVM trust store; fake ATS servers start as asked
class ReadmeExampleTest {

    @AtsTrustMatrix                                 // once per scenario, against the mirror of that store
    void judgesEveryChainAsItWouldJudgeAws(AtsCase c) {
        var client = HttpClient.newBuilder().sslContext(c.profile().sslContext()).build();
        HandshakeOutcome outcome = c.probe(() -> client.send(HttpRequest.newBuilder(c.endpoint().uri()).build(), BodyHandlers.ofString()));
        assertThat(outcome).matches(c.expectation());
    }

    @Test
    void rejectsAnUntrustedRoot(@AtsScenario("untrusted-root") AtsEndpoint endpoint, AtsEnvironment ats) {
        var http = HttpClient.newBuilder().sslContext(ats.mirrored().sslContext()).build();
        var request = HttpRequest.newBuilder(endpoint.uri()).build();
        assertThat(HandshakeOutcome.of(() -> http.send(request, BodyHandlers.ofString())))
                .isRejectedBecause(RejectionReason.UNTRUSTED_ROOT);
    }
}
// README-EXAMPLE-END
