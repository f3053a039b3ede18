package io.github.atstrust.testkit.probe;

import java.net.HttpURLConnection;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * What happened when a client met a server, one of three kinds:
 * <ul>
 * <li><em>accepted</em>: the TLS handshake completed and the client accepted the chain, whatever HTTP did next
 * (with protocol, cipher, ALPN and peer chain when the client exposes them);</li>
 * <li><em>rejected</em>: the client refused during the handshake, for a {@link RejectionReason}, with its own
 * exception;</li>
 * <li><em>no verdict</em>: nothing was judged (connection refused, unknown host, a peer that does not speak TLS,
 * an exception of the probed code that is not the client's TLS failure), with what happened and the cause.</li>
 * </ul>
 * No verdict satisfies no assertion: a test that expects a rejection fails when the server is dead.
 *
 * <pre>
 * HandshakeOutcome outcome = endpoint.probe(() -> http.send(request, BodyHandlers.ofString()));
 * if (outcome.rejected()) System.out.println(outcome.reason() + ": " + outcome.cause());
 * </pre>
 *
 * @param kind        accepted, rejected or no verdict
 * @param protocol    negotiated TLS version, or {@code null} when unknown or not accepted
 * @param cipherSuite negotiated cipher suite, or {@code null}
 * @param alpn        negotiated application protocol ({@code h2}, {@code http/1.1}), or {@code null}
 * @param peerChain   the chain the server presented, empty when unknown or not accepted
 * @param reason      why the client refused; {@code null} unless rejected
 * @param noVerdict   what happened instead of a verdict, e.g. {@code connection refused to localhost:41234};
 *                    {@code null} unless no verdict
 * @param cause       what the client or the probed code threw; {@code null} when accepted without one
 * @param elapsed     time from the start of the call to its end
 */
public record HandshakeOutcome(Kind kind, String protocol, String cipherSuite, String alpn,
                               List<X509Certificate> peerChain, RejectionReason reason, String noVerdict,
                               Throwable cause, Duration elapsed) {

    /** The three kinds of outcome. */
    public enum Kind {
        /** The handshake completed and the client accepted the chain. */
        ACCEPTED,
        /** The client refused during the handshake. */
        REJECTED,
        /** Nothing was judged: no TLS handshake took place, or the probed code failed for another reason. */
        NO_VERDICT
    }

    public HandshakeOutcome {
        Objects.requireNonNull(kind, "kind");
        peerChain = List.copyOf(peerChain);
    }

    /**
     * Runs a client call and records how it ended, knowing nothing of the server. Prefer
     * {@code AtsEndpoint.probe}, which also knows whether the server leaves out an intermediate. Errors (a failed
     * assertion inside the call, an OutOfMemoryError) are rethrown: they are not the client's verdict.
     */
    public static HandshakeOutcome of(ThrowingCallable call) {
        return of(call, ProbeTarget.UNKNOWN);
    }

    /** Like {@link #of(ThrowingCallable)}, for a call that returns nothing. */
    public static HandshakeOutcome of(ThrowingRunnable call) {
        return of(call, ProbeTarget.UNKNOWN);
    }

    /** Runs a client call against {@code target} and records how it ended. */
    public static HandshakeOutcome of(ThrowingCallable call, ProbeTarget target) {
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
            return judged(failure, Duration.ofNanos(System.nanoTime() - start), target);
        }
    }

    /** Like {@link #of(ThrowingCallable, ProbeTarget)}, for a call that returns nothing. */
    public static HandshakeOutcome of(ThrowingRunnable call, ProbeTarget target) {
        return of(() -> {
            call.run();
            return null;
        }, target);
    }

    /**
     * How a command-line client ended (curl, {@code openssl s_client}, a Python or Node script): exit 0 is an
     * acceptance; otherwise its words are classified like an exception's, so {@code curl} exit 7 ("couldn't
     * connect") is no verdict and "certificate has expired" a rejection because EXPIRED.
     */
    public static HandshakeOutcome ofCommand(int exitCode, String output, Duration elapsed, ProbeTarget target) {
        if (exitCode == 0) {
            return new HandshakeOutcome(Kind.ACCEPTED, null, null, null, List.of(), null, null, null, elapsed);
        }
        return judged(new FailureClassifier.CommandFailure(exitCode, output), elapsed, target);
    }

    private static HandshakeOutcome judged(Throwable failure, Duration elapsed, ProbeTarget target) {
        FailureClassifier.Judgement judgement = FailureClassifier.classify(failure, target);
        String noVerdict = judgement.noVerdict() == null ? null
                : judgement.noVerdict() + (target.address().isEmpty() ? "" : " (" + target.address() + ")");
        return new HandshakeOutcome(judgement.kind(), null, null, null, List.of(), judgement.reason(), noVerdict,
                failure, elapsed);
    }

    /** The handshake completed and the client accepted the chain. */
    public boolean accepted() {
        return kind == Kind.ACCEPTED;
    }

    /** The client refused during the handshake; {@link #reason()} says why. */
    public boolean rejected() {
        return kind == Kind.REJECTED;
    }

    /** Nothing was judged; {@link #noVerdict()} says what happened instead. */
    public boolean hasNoVerdict() {
        return kind == Kind.NO_VERDICT;
    }

    /**
     * A short description in words: {@code accepted with TLSv1.3/h2 in 12 ms}, {@code rejected because EXPIRED in
     * 9 ms (…)}, {@code no TLS verdict: connection refused (localhost:41234) after 2 ms (…)}.
     */
    public String describe() {
        return switch (kind) {
            case ACCEPTED -> "accepted" + (protocol == null ? "" : " with " + protocol + (alpn == null ? "" : "/" + alpn))
                    + " in " + elapsed.toMillis() + " ms";
            case REJECTED -> "rejected because " + reason + " in " + elapsed.toMillis() + " ms (" + cause + ")";
            case NO_VERDICT -> "no TLS verdict: " + noVerdict + " after " + elapsed.toMillis() + " ms (" + cause + ")";
        };
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
        return new HandshakeOutcome(Kind.ACCEPTED, protocol, cipher, alpn, chain, null, null, null, elapsed);
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
