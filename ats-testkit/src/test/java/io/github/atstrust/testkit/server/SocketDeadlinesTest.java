package io.github.atstrust.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atstrust.testkit.trust.TrustProfiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every listening socket has a handshake deadline and a request deadline, and every request body a limit (#24
 * item 9): a client trickling a byte at a time is closed wherever it trickles, a huge body is refused unread,
 * and a malformed OCSP GET gets OCSP's answer, not a stack trace.
 */
class SocketDeadlinesTest {

    private static final Duration HANDSHAKE = Duration.ofSeconds(1);
    private static final Duration REQUEST = Duration.ofSeconds(2);
    private static final byte[] CLIENT_HELLO_START = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03};
    private static AtsServers servers;

    @BeforeAll
    static void startServers() {
        servers = AtsServers.builder().only(Set.of("ats-root-ca-1")).handshakeDeadline(HANDSHAKE).requestDeadline(REQUEST)
                .mail().start();
    }

    @AfterAll
    static void stopServers() {
        servers.close();
    }

    @Test
    void aRequestTrickledToThePlainHttpPortIsClosedAtTheRequestDeadline() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), servers.indexUri().getPort())) {
            assertThat(trickleUntilClosed(socket, "GET / HTTP/1.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII)))
                    .isBetween(REQUEST.minusMillis(200), REQUEST.plusSeconds(4));
        }
    }

    @Test
    void aRequestTrickledAfterTheTlsHandshakeIsClosedAtTheRequestDeadline() throws Exception {
        AtsEndpoint endpoint = servers.endpoint("ats-root-ca-1");
        try (SSLSocket socket = (SSLSocket) TrustProfiles.byId("all-ats").sslSocketFactory()
                .createSocket(endpoint.hostname(), endpoint.port())) {
            socket.startHandshake();
            assertThat(trickleUntilClosed(socket, "GET / HTTP/1.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII)))
                    .isBetween(REQUEST.minusMillis(200), REQUEST.plusSeconds(4));
        }
    }

    @Test
    void aClientHelloTrickledToTheSmtpsPortIsClosedAtTheHandshakeDeadline() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), servers.smtps("ats-root-ca-1").port())) {
            assertThat(trickleUntilClosed(socket, CLIENT_HELLO_START)).isBetween(HANDSHAKE.minusMillis(200),
                    HANDSHAKE.plusSeconds(4));
        }
    }

    @Test
    void aClientHelloTrickledAfterStartTlsIsClosedAtTheHandshakeDeadline() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), servers.smtp("ats-root-ca-1").port())) {
            socket.setSoTimeout(5_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            assertThat(line(in)).startsWith("220");
            out.write("EHLO client\r\n".getBytes(StandardCharsets.US_ASCII));
            String reply;
            do {
                reply = line(in);
            } while (reply.startsWith("250-"));
            out.write("STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(line(in)).startsWith("220");

            assertThat(trickleUntilClosed(socket, CLIENT_HELLO_START)).isBetween(HANDSHAKE.minusMillis(200),
                    HANDSHAKE.plusSeconds(4));
        }
    }

    @Test
    void anSmtpSessionTrickledAfterItsGreetingIsClosedAtTheRequestDeadline() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), servers.smtp("ats-root-ca-1").port())) {
            socket.setSoTimeout(5_000);
            assertThat(line(socket.getInputStream())).startsWith("220");
            assertThat(trickleUntilClosed(socket, "EHLO slowly".getBytes(StandardCharsets.US_ASCII)))
                    .isBetween(REQUEST.minus(Duration.ofMillis(1_500)), REQUEST.plusSeconds(4));
        }
    }

    @Test
    void anOcspPostOverTheBodyLimitIsRefusedWith413() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(ocsp())
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[ScenarioHandler.MAX_BODY_BYTES + 1]))
                .header("Content-Type", "application/ocsp-request").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("over 65536 bytes");
    }

    @Test
    void aMalformedOcspGetIsAnsweredMalformedRequest() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(ocsp() + "/not*base64")).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).as("OCSPResponse { responseStatus malformedRequest (1) }")
                .containsExactly(0x30, 0x03, 0x0a, 0x01, 0x01);
    }

    @Test
    void aClientThatKeepsItsConnectionForRequestsWithinTheDeadlineIsServed() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(servers.indexUri()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            Thread.sleep(REQUEST.dividedBy(2).toMillis());
        }
    }

    @Test
    void durationsOverADayAreRefusedInsteadOfOverflowing() {
        assertThatThrownBy(() -> AtsServers.builder().stallLimit(Duration.ofSeconds(2_147_484)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stall limit must be at most a day");
        assertThatThrownBy(() -> AtsServers.builder().requestDeadline(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("request deadline must be positive");
    }

    private static URI ocsp() {
        return servers.indexUri().resolve("ocsp");
    }

    /** Sends {@code pattern} a byte every 200 ms until the server closes; how long that took (fails after 15 s). */
    private static Duration trickleUntilClosed(Socket socket, byte[] pattern) throws IOException {
        long start = System.nanoTime();
        socket.setSoTimeout(200);
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        for (int i = 0; i < 75; i++) {
            try {
                out.write(pattern[Math.min(i, pattern.length - 1)]);
                out.flush();
                while (in.read() != -1) {
                    // an error reply (SMTP's 500) is not a close: read on
                }
                return Duration.ofNanos(System.nanoTime() - start);
            } catch (SocketTimeoutException stillOpen) {
                // the server is still waiting: trickle on
            } catch (IOException reset) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
        }
        throw new AssertionError("still open after 15 s of trickling");
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().strip();
    }
}
