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
 * <li>{@link Accepted}: the TLS handshake completed and the client accepted the chain, whatever HTTP did next
 * (with protocol, cipher, ALPN and peer chain when the client exposes them);</li>
 * <li>{@link Rejected}: the client refused during the handshake, for a {@link RejectionReason}, with its own
 * exception;</li>
 * <li>{@link NoVerdict}: nothing was judged (connection refused, unknown host, a peer that does not speak TLS,
 * an exception of the probed code that is not the client's TLS failure), with what happened and the cause.</li>
 * </ul>
 * No verdict satisfies no assertion: a test that expects a rejection fails when the server is dead.
 *
 * <pre>
 * HandshakeOutcome outcome = endpoint.probe(() -> http.send(request, BodyHandlers.ofString()));
 * if (outcome instanceof HandshakeOutcome.Rejected rejected) System.out.println(rejected.reason() + ": " + rejected.cause());
 * </pre>
 */
public sealed interface HandshakeOutcome permits HandshakeOutcome.Accepted, HandshakeOutcome.Rejected,
        HandshakeOutcome.NoVerdict {

    /** {@return time from the start of the call to its end} */
    Duration elapsed();

    /**
     * The handshake completed and the client accepted the chain.
     *
     * @param protocol    negotiated TLS version, or {@code null} when the client does not expose it
     * @param cipherSuite negotiated cipher suite, or {@code null} when not exposed
     * @param alpn        negotiated application protocol ({@code h2}, {@code http/1.1}), or {@code null}
     * @param peerChain   the chain the server presented, empty when not exposed
     * @param afterHandshake what the call threw after the handshake (an AWS service error, an HTTP status the
     *                    client turns into an exception), if anything
     * @param elapsed     time from the start of the call to its end
     */
    record Accepted(String protocol, String cipherSuite, String alpn, List<X509Certificate> peerChain,
                    Optional<Throwable> afterHandshake, Duration elapsed) implements HandshakeOutcome {
        /**
         * Copies the chain.
         *
         * @param protocol       negotiated TLS version, or {@code null}
         * @param cipherSuite    negotiated cipher suite, or {@code null}
         * @param alpn           negotiated application protocol, or {@code null}
         * @param peerChain      the chain the server presented, empty when not exposed
         * @param afterHandshake what the call threw after the handshake, if anything
         * @param elapsed        time from the start of the call to its end
         */
        public Accepted {
            peerChain = List.copyOf(peerChain);
            Objects.requireNonNull(afterHandshake, "afterHandshake");
            Objects.requireNonNull(elapsed, "elapsed");
        }

        /** The same as {@link #describe()}. */
        @Override
        public String toString() {
            return describe();
        }
    }

    /**
     * The client refused the chain during the handshake.
     *
     * @param reason  why, as classified from the client's own words
     * @param cause   what the client threw (for a command-line client, its exit code and output)
     * @param elapsed time from the start of the call to its end
     */
    record Rejected(RejectionReason reason, Throwable cause, Duration elapsed) implements HandshakeOutcome {
        /**
         * Checks every part is there.
         *
         * @param reason  why the client refused
         * @param cause   what the client threw
         * @param elapsed time from the start of the call to its end
         */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(elapsed, "elapsed");
        }

        /** The same as {@link #describe()}. */
        @Override
        public String toString() {
            return describe();
        }
    }

    /**
     * Nothing was judged.
     *
     * @param what    what happened instead, e.g. {@code connection refused (localhost:41234)}
     * @param cause   what the client or the probed code threw
     * @param elapsed time from the start of the call to its end
     */
    record NoVerdict(String what, Throwable cause, Duration elapsed) implements HandshakeOutcome {
        /**
         * Checks every part is there.
         *
         * @param what    what happened instead of a verdict
         * @param cause   what the client or the probed code threw
         * @param elapsed time from the start of the call to its end
         */
        public NoVerdict {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(elapsed, "elapsed");
        }

        /** The same as {@link #describe()}. */
        @Override
        public String toString() {
            return describe();
        }
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
    static HandshakeOutcome of(Callable<?> call) {
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
    static HandshakeOutcome of(Callable<?> call, String address, boolean sendsIncompleteChain) {
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
    static HandshakeOutcome ofCommand(int exitCode, String output, Duration elapsed, String address,
                                      boolean sendsIncompleteChain) {
        if (exitCode == 0) {
            return new Accepted(null, null, null, List.of(), Optional.empty(), elapsed);
        }
        return judged(new FailureClassifier.CommandFailure(exitCode, output), elapsed,
                new FailureClassifier.Target(address, sendsIncompleteChain));
    }

    private static HandshakeOutcome judged(Throwable failure, Duration elapsed, FailureClassifier.Target target) {
        FailureClassifier.Judgement judgement = FailureClassifier.classify(failure, target);
        return switch (judgement.kind()) {
            case ACCEPTED -> new Accepted(null, null, null, List.of(), Optional.of(failure), elapsed);
            case REJECTED -> new Rejected(judgement.reason(), failure, elapsed);
            case NO_VERDICT -> new NoVerdict(judgement.noVerdict() + (target.address().isEmpty() ? ""
                    : " (" + target.address() + ")"), failure, elapsed);
        };
    }

    /** {@return whether the handshake completed and the client accepted the chain} */
    default boolean accepted() {
        return this instanceof Accepted;
    }

    /** {@return whether the client refused during the handshake} */
    default boolean rejected() {
        return this instanceof Rejected;
    }

    /** {@return whether nothing was judged} */
    default boolean hasNoVerdict() {
        return this instanceof NoVerdict;
    }

    /** {@return the reason of a rejection; empty when accepted or without a verdict} */
    default Optional<RejectionReason> rejectionReason() {
        return this instanceof Rejected rejected ? Optional.of(rejected.reason()) : Optional.empty();
    }

    /** {@return what happened instead of a verdict; empty when there was one} */
    default Optional<String> noVerdictDescription() {
        return this instanceof NoVerdict none ? Optional.of(none.what()) : Optional.empty();
    }

    /** {@return what the client or the probed code threw, if anything} */
    default Optional<Throwable> thrown() {
        if (this instanceof Rejected rejected) {
            return Optional.of(rejected.cause());
        }
        return this instanceof NoVerdict none ? Optional.of(none.cause()) : ((Accepted) this).afterHandshake();
    }

    /**
     * A short description in words: {@code accepted with TLSv1.3/h2 in 12 ms}, {@code rejected because EXPIRED in
     * 9 ms (…)}, {@code no TLS verdict: connection refused (localhost:41234) after 2 ms (…)}.
     *
     * @return the description
     */
    default String describe() {
        if (this instanceof Rejected rejected) {
            return "rejected because " + rejected.reason() + " in " + elapsed().toMillis() + " ms (" + rejected.cause() + ")";
        }
        if (this instanceof NoVerdict none) {
            return "no TLS verdict: " + none.what() + " after " + elapsed().toMillis() + " ms (" + none.cause() + ")";
        }
        Accepted accepted = (Accepted) this;
        return "accepted" + (accepted.protocol() == null ? "" : " with " + accepted.protocol()
                + (accepted.alpn() == null ? "" : "/" + accepted.alpn())) + " in " + elapsed().toMillis() + " ms";
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
        return new Accepted(protocol, cipher, alpn, chain, Optional.empty(), elapsed);
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
