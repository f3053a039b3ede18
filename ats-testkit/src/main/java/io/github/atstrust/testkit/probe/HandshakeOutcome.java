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
import java.util.concurrent.Callable;
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
public record HandshakeOutcome(String protocol, String cipherSuite, String alpn, List<X509Certificate> peerChain,
                               RejectionReason reason, String noVerdict, Throwable cause, Duration elapsed) {

    /**
     * Checks the kind is unambiguous: a rejection has a reason, no verdict says what happened, never both.
     *
     * @param protocol    negotiated TLS version, or {@code null}
     * @param cipherSuite negotiated cipher suite, or {@code null}
     * @param alpn        negotiated application protocol, or {@code null}
     * @param peerChain   the chain the server presented, empty when unknown
     * @param reason      why the client refused; {@code null} unless rejected
     * @param noVerdict   what happened instead of a verdict; {@code null} unless no verdict
     * @param cause       what the client or the probed code threw, or {@code null}
     * @param elapsed     time from the start of the call to its end
     * @throws IllegalArgumentException when both a reason and a no-verdict description are given
     */
    public HandshakeOutcome {
        if (reason != null && noVerdict != null) {
            throw new IllegalArgumentException("an outcome is rejected (" + reason + ") or has no verdict ("
                    + noVerdict + "), not both");
        }
        peerChain = List.copyOf(peerChain);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * Runs a client call and records how it ended, knowing nothing of the server. Prefer
     * {@code AtsEndpoint.probe}, which also knows whether the server leaves out an intermediate. Errors (a failed
     * assertion inside the call, an OutOfMemoryError) are rethrown: they are not the client's verdict.
     *
     * <pre>HandshakeOutcome outcome = HandshakeOutcome.of(() -> http.send(request, BodyHandlers.ofString()));</pre>
     *
     * @param call the client call; what it returns is inspected for protocol, cipher, ALPN and peer chain
     * @return accepted, rejected with a reason, or no verdict
     */
    public static HandshakeOutcome of(Callable<?> call) {
        return of(call, "", false);
    }

    /**
     * Runs a client call against a known server and records how it ended.
     *
     * @param call                 the client call
     * @param address              {@code host:port} of the server, named when nothing was judged; empty if unknown
     * @param sendsIncompleteChain whether the server leaves out an intermediate, so that a "no trusted path"
     *                             failure is {@link RejectionReason#INCOMPLETE_CHAIN} (clients word both alike)
     * @return accepted, rejected with a reason, or no verdict
     */
    public static HandshakeOutcome of(Callable<?> call, String address, boolean sendsIncompleteChain) {
        FailureClassifier.Target target = new FailureClassifier.Target(address, sendsIncompleteChain);
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

    /**
     * How a command-line client ended (curl, {@code openssl s_client}, a Python or Node script): exit 0 is an
     * acceptance; otherwise its words are classified like an exception's, so {@code curl} exit 7 ("couldn't
     * connect") is no verdict and "certificate has expired" a rejection because EXPIRED.
     *
     * @param exitCode             the command's exit status
     * @param output               what it printed (stdout and stderr)
     * @param elapsed              how long it ran
     * @param address              {@code host:port} of the server, or empty
     * @param sendsIncompleteChain whether the server leaves out an intermediate
     * @return accepted, rejected with a reason, or no verdict
     */
    public static HandshakeOutcome ofCommand(int exitCode, String output, Duration elapsed, String address,
                                             boolean sendsIncompleteChain) {
        if (exitCode == 0) {
            return new HandshakeOutcome(null, null, null, List.of(), null, null, null, elapsed);
        }
        return judged(new FailureClassifier.CommandFailure(exitCode, output), elapsed,
                new FailureClassifier.Target(address, sendsIncompleteChain));
    }

    private static HandshakeOutcome judged(Throwable failure, Duration elapsed, FailureClassifier.Target target) {
        FailureClassifier.Judgement judgement = FailureClassifier.classify(failure, target);
        String noVerdict = judgement.noVerdict() == null ? null
                : judgement.noVerdict() + (target.address().isEmpty() ? "" : " (" + target.address() + ")");
        return new HandshakeOutcome(null, null, null, List.of(), judgement.reason(), noVerdict, failure, elapsed);
    }

    /** {@return whether the handshake completed and the client accepted the chain} */
    public boolean accepted() {
        return reason == null && noVerdict == null;
    }

    /** {@return whether the client refused during the handshake; {@link #reason()} says why} */
    public boolean rejected() {
        return reason != null;
    }

    /** {@return whether nothing was judged; {@link #noVerdict()} says what happened instead} */
    public boolean hasNoVerdict() {
        return noVerdict != null;
    }

    /**
     * A short description in words: {@code accepted with TLSv1.3/h2 in 12 ms}, {@code rejected because EXPIRED in
     * 9 ms (…)}, {@code no TLS verdict: connection refused (localhost:41234) after 2 ms (…)}.
     *
     * @return the description
     */
    public String describe() {
        if (rejected()) {
            return "rejected because " + reason + " in " + elapsed.toMillis() + " ms (" + cause + ")";
        }
        if (hasNoVerdict()) {
            return "no TLS verdict: " + noVerdict + " after " + elapsed.toMillis() + " ms (" + cause + ")";
        }
        return "accepted" + (protocol == null ? "" : " with " + protocol + (alpn == null ? "" : "/" + alpn))
                + " in " + elapsed.toMillis() + " ms";
    }

    /** The same as {@link #describe()}. */
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
        return new HandshakeOutcome(protocol, cipher, alpn, chain, null, null, null, elapsed);
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
