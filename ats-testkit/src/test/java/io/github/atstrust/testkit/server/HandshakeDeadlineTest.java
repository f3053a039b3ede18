package io.github.atstrust.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A client that never finishes its handshake is closed after the deadline, however often it sends a byte. */
class HandshakeDeadlineTest {

    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static AtsServers servers;

    @BeforeAll
    static void startServers() {
        servers = AtsServers.builder().only(Set.of("ats-root-ca-1")).handshakeDeadline(DEADLINE).start();
    }

    @AfterAll
    static void stopServers() {
        servers.close();
    }

    @Test
    void aClientHelloSentOneByteAtATimeIsClosedAtTheDeadline() throws Exception {
        byte[] clientHelloStart = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03};
        long start = System.nanoTime();
        boolean closedByServer = false;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), servers.endpoint("ats-root-ca-1").port())) {
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 20 && !closedByServer; i++) {
                try {
                    out.write(clientHelloStart[i % clientHelloStart.length]);
                    out.flush();
                    closedByServer = in.read() == -1;
                } catch (SocketTimeoutException stillOpen) {
                    closedByServer = false;
                } catch (java.io.IOException reset) {
                    closedByServer = true;
                }
            }
        }
        Duration open = Duration.ofNanos(System.nanoTime() - start);

        assertThat(closedByServer).as("closed by the server within 10 s of trickling").isTrue();
        assertThat(open).isGreaterThanOrEqualTo(DEADLINE.minusMillis(100));
    }

    @Test
    void aHandshakeThatCompletesIsNeverCutByTheDeadline() throws Exception {
        AtsEndpoint endpoint = servers.endpoint("ats-root-ca-1");
        try (SSLSocket socket = (SSLSocket) TrustProfiles.byId("all-ats").sslContext().getSocketFactory()
                .createSocket(endpoint.hostname(), endpoint.port())) {
            HandshakeOutcome outcome = endpoint.probe(() -> {
                socket.startHandshake();
                return socket;
            });
            Thread.sleep(DEADLINE.plusMillis(500).toMillis());
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes());
            String answer = new String(socket.getInputStream().readAllBytes());

            assertThat(outcome.accepted()).as(outcome.describe()).isTrue();
            assertThat(answer).contains("healthy: localhost");
        }
    }
}
