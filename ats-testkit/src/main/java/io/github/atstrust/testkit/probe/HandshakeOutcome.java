package io.github.atstrust.testkit.probe;

import java.net.HttpURLConnection;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * What happened when a client met a server: accepted (with protocol, cipher, ALPN and peer chain when the
 * client exposes them) or rejected with a {@link RejectionReason} and the client's own exception; elapsed
 * time either way.
 *
 * <pre>
 * HandshakeOutcome outcome = HandshakeOutcome.of(() -> http.send(request, BodyHandlers.ofString()));
 * if (outcome.rejected()) System.out.println(outcome.reason() + ": " + outcome.cause());
 * </pre>
 *
 * @param protocol  negotiated TLS version, or {@code null} when unknown or rejected
 * @param cipherSuite negotiated cipher suite, or {@code null}
 * @param alpn      negotiated application protocol ({@code h2}, {@code http/1.1}), or {@code null}
 * @param peerChain the chain the server presented, empty when unknown or rejected
 * @param reason    why the client refused, {@code null} when accepted
 * @param cause     what the client threw, {@code null} when accepted
 */
public record HandshakeOutcome(boolean accepted, String protocol, String cipherSuite, String alpn,
                               List<X509Certificate> peerChain, RejectionReason reason, Throwable cause,
                               Duration elapsed) {

    public HandshakeOutcome {
        peerChain = List.copyOf(peerChain);
    }

    /**
     * Runs a client call and records how it ended. Exceptions become a rejection; errors (a failed assertion
     * inside the call, an OutOfMemoryError) are rethrown, since they are not the client's verdict.
     */
    public static HandshakeOutcome of(ThrowingCallable call) {
        long start = System.nanoTime();
        try {
            Object result = call.call();
            return fromResult(result, Duration.ofNanos(System.nanoTime() - start));
        } catch (Throwable failure) {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return rejected(failure, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Like {@link #of(ThrowingCallable)}, for a call that returns nothing. */
    public static HandshakeOutcome of(ThrowingRunnable call) {
        return of(() -> {
            call.run();
            return null;
        });
    }

    /** An acceptance known only by its elapsed time, e.g. a command-line client that exited 0. */
    public static HandshakeOutcome accepted(Duration elapsed) {
        return new HandshakeOutcome(true, null, null, null, List.of(), null, null, elapsed);
    }

    /** A rejection classified from what the client threw. */
    public static HandshakeOutcome rejected(Throwable failure, Duration elapsed) {
        return new HandshakeOutcome(false, null, null, null, List.of(), FailureClassifier.classify(failure), failure,
                elapsed);
    }

    /** The same rejection with another reason, when more is known than the client said. */
    public HandshakeOutcome withReason(RejectionReason newReason) {
        if (accepted) {
            throw new IllegalStateException("an accepted handshake has no rejection reason");
        }
        return new HandshakeOutcome(false, null, null, null, List.of(), newReason, cause, elapsed);
    }

    public boolean rejected() {
        return !accepted;
    }

    /** A short description in words, e.g. {@code accepted with TLSv1.3/h2 in 12 ms}. */
    public String describe() {
        if (accepted) {
            String details = protocol == null ? "" : " with " + protocol + (alpn == null ? "" : "/" + alpn);
            return "accepted" + details + " in " + elapsed.toMillis() + " ms";
        }
        return "rejected because " + reason + " in " + elapsed.toMillis() + " ms (" + cause + ")";
    }

    @Override
    public String toString() {
        return describe();
    }

    private static HandshakeOutcome fromResult(Object result, Duration elapsed) {
        SSLSession session = null;
        String alpn = null;
        List<X509Certificate> chain = List.of();
        String cipher = null;
        if (result instanceof HttpResponse<?> response) {
            session = response.sslSession().orElse(null);
            alpn = response.version() == HttpClient.Version.HTTP_2 ? "h2" : "http/1.1";
        } else if (result instanceof HttpsURLConnection connection) {
            try {
                cipher = connection.getCipherSuite();
                chain = x509(connection.getServerCertificates());
            } catch (javax.net.ssl.SSLPeerUnverifiedException | IllegalStateException notConnected) {
                chain = List.of();
            }
            alpn = "http/1.1";
        } else if (result instanceof HttpURLConnection) {
            alpn = "http/1.1";
        } else if (result instanceof SSLSocket socket) {
            session = socket.getSession();
            alpn = Optional.ofNullable(socket.getApplicationProtocol()).filter(p -> !p.isEmpty()).orElse(null);
        } else if (result instanceof SSLSession given) {
            session = given;
        }
        String protocol = null;
        if (session != null) {
            protocol = session.getProtocol();
            cipher = session.getCipherSuite();
            chain = peerCertificates(session);
        }
        return new HandshakeOutcome(true, protocol, cipher, alpn, chain, null, null, elapsed);
    }

    private static List<X509Certificate> peerCertificates(SSLSession session) {
        try {
            return x509(session.getPeerCertificates());
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            return List.of();
        }
    }

    private static List<X509Certificate> x509(Certificate[] certificates) {
        return Arrays.stream(certificates).filter(X509Certificate.class::isInstance).map(X509Certificate.class::cast).toList();
    }
}
