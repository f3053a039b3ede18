package io.github.atstrust.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.atstrust.testkit.trust.TrustProfiles;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The "long delay" failure: a server that takes the connection and never answers the ClientHello. */
class StalledHandshakeTest {

    @Test
    void clientWithATwoSecondTimeoutGetsATimeoutInsteadOfHanging() {
        try (AtsServers servers = AtsServers.builder().only(Set.of("stalled-handshake")).start()) {
            HttpClient client = HttpClient.newBuilder().sslContext(TrustProfiles.byId("all-ats").sslContext())
                    .connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest request = HttpRequest.newBuilder(servers.endpoint("stalled-handshake").uri())
                    .timeout(Duration.ofSeconds(2)).build();
            long start = System.nanoTime();

            Throwable failure = catchThrowable(() -> client.send(request, BodyHandlers.ofString()));

            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertThat(failure).isInstanceOf(HttpTimeoutException.class);
            assertThat(elapsed).as("a timeout, not a hang").isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void stalledConnectionIsClosedByTheServerAfterItsLimit() throws Exception {
        try (AtsServers servers = AtsServers.builder().only(Set.of("stalled-handshake"))
                .stallLimit(Duration.ofMillis(300)).start();
             Socket socket = new Socket("127.0.0.1", servers.endpoint("stalled-handshake").port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write("not even a ClientHello".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();

            int read = in.read();

            assertThat(read).as("the server closed the connection without a byte").isEqualTo(-1);
        }
    }
}
