package io.github.atstrust.testkit.probe;

import io.github.atstrust.testkit.pki.FakeAtsHierarchy;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateRevokedException;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;

/**
 * Classification of client failures as data: an ordered list of rules, each a test on one throwable of the
 * cause chain (a command-line client's output is one throwable with its words). The first rule matching any
 * throwable, walking from the outermost, wins. Rules that mean <em>nothing was judged</em> (no connection,
 * a peer that does not speak TLS) come first, so that a dead endpoint is never read as a refusal; then the
 * specific reasons (revoked, expired) before the generic ones (no trusted path). A TLS failure no rule names
 * is {@link RejectionReason#OTHER}; anything else the probed code threw is no verdict. Add a client's wording
 * by adding to a rule.
 */
final class FailureClassifier {

    /** The three kinds of outcome. */
    enum Kind { ACCEPTED, REJECTED, NO_VERDICT }

    /** What the prober knows of the server: its {@code host:port} (or empty) and whether it sends an incomplete chain. */
    record Target(String address, boolean sendsIncompleteChain) {
        Target {
            java.util.Objects.requireNonNull(address, "address");
        }
    }

    /** How a failure is judged: its kind, the reason of a rejection, what happened when there is no verdict. */
    record Judgement(Kind kind, RejectionReason reason, String noVerdict) {
    }

    private record Rule(Judgement judgement, Predicate<Throwable> matches) {
    }

    private static final String AWS_SERVICE_EXCEPTION = "software.amazon.awssdk.core.exception.SdkServiceException";

    private static final List<Rule> RULES = List.of(
            // The JDK HttpClient's connect timeout spans the TLS handshake (a stalled handshake ends that way), and
            // its cause is a ConnectException: judged first, as a handshake that did not complete in time.
            rejected(RejectionReason.TIMEOUT, t -> t instanceof HttpConnectTimeoutException),
            // curl counts the TLS handshake as its connect phase ("Connection timed out"); with -v its words show
            // that TCP was up and the ClientHello sent, so the handshake is what timed out.
            rejected(RejectionReason.TIMEOUT, t -> t instanceof CommandFailure && says(t, "client hello")
                    && says(t, "timed out")),
            // Nothing was judged: no TCP connection, or no TLS peer at the other end.
            // Apache 4 (the AWS SDK's) counts the TLS handshake as "connect" too; a read means TCP was up.
            noVerdict("connect timed out before any TLS byte", t -> !says(t, "read timed out")
                    && (simpleName(t).contains("ConnectTimeout") || says(t, "connect timed out", "connection timed out")
                    || t instanceof SocketTimeoutException && says(t, "failed to connect"))), // OkHttp
            noVerdict("connection refused", t -> t instanceof ConnectException
                    || says(t, "connection refused", "econnrefused", "couldn't connect to server")),
            noVerdict("unknown host", t -> t instanceof UnknownHostException || t instanceof UnresolvedAddressException
                    || says(t, "could not resolve host", "name or service not known", "enotfound",
                    "nodename nor servname", "temporary failure in name resolution")),
            noVerdict("host unreachable", t -> t instanceof NoRouteToHostException
                    || says(t, "no route to host", "network is unreachable", "ehostunreach", "enetunreach")),
            noVerdict("the peer does not speak TLS", t -> simpleName(t).equals("NotSslRecordException")
                    || says(t, "unsupported or unrecognized ssl message", "plaintext connection", "wrong version number",
                    "packet length too long", "wrong_version_number")),
            noVerdict("the server closed the connection before the handshake completed", t -> says(t,
                    "remote host terminated the handshake", "connection reset", "broken pipe", "unexpected eof",
                    "eof occurred in violation of protocol", "socket hang up", "econnreset", "closed by peer")),
            // A connection closed under the client's feet: Jetty's client, whose TLS failure on one thread closes the
            // channel, may report the other thread's failed write instead (EofException over ClosedChannelException).
            noVerdict("the connection was closed before the handshake completed", t -> t instanceof EOFException
                    || t instanceof ClosedChannelException),
            // An internal_error alert says a TLS stack failed, not that a client judged a chain; Jetty's client reports
            // it when its engine is used from two threads after failing on a peer that does not speak TLS.
            noVerdict("the handshake broke off with an internal_error alert", t -> says(t,
                    "received fatal alert: internal_error")),
            // The AWS CRT hides its TLS failure behind a connection it could not acquire; it reads the OS CA bundle through
            // its own TLS stack, never the JVM's trust, so a mirrored JVM default does not reach it.
            noVerdict("the AWS CRT could not acquire a connection and names no TLS error; it reads the OS CA bundle "
                    + "(/etc/ssl/certs/ca-certificates.crt or /etc/pki/tls/certs/ca-bundle.crt), not the JVM's default "
                    + "trust, so ats.defaultTrust=mirrored does not reach it: test it against a mirrored OS bundle",
                    t -> says(t, "connection manager failed to acquire a connection")),
            // An AWS service error is an HTTP answer: the handshake completed and the chain was accepted.
            new Rule(new Judgement(Kind.ACCEPTED, null, null), t -> isA(t, AWS_SERVICE_EXCEPTION)),
            rejected(RejectionReason.TIMEOUT, t -> t instanceof HttpTimeoutException || t instanceof SocketTimeoutException
                    || t instanceof TimeoutException || simpleName(t).contains("Timeout")
                    || message(t).equals("timeout") || says(t, "timed out", "ssl connection timeout")),
            rejected(RejectionReason.REVOKED, t -> t instanceof CertificateRevokedException
                    || reason(t) == BasicReason.REVOKED || says(t, "certificate revoked")),
            // Go words both "certificate has expired or is not yet valid", then "current time … is before …"
            rejected(RejectionReason.NOT_YET_VALID, t -> says(t, "not yet valid: current time") && says(t, " is before ")),
            rejected(RejectionReason.EXPIRED, t -> t instanceof CertificateExpiredException
                    || reason(t) == BasicReason.EXPIRED || says(t, "certificate has expired",
                    "sec_error_expired_issuer_certificate", "sec_error_expired_certificate", // NSS
                    "uses expired certificate", // GnuTLS
                    "validity has expired", // mbedTLS
                    "certexpired")), // rustls
            rejected(RejectionReason.NOT_YET_VALID, t -> t instanceof CertificateNotYetValidException
                    || reason(t) == BasicReason.NOT_YET_VALID || says(t, "not yet valid",
                    "not yet activated", "not yet been activated", // wget
                    "mozilla_pkix_error_not_yet_valid_certificate", // Firefox
                    "validity starts in the future", // mbedTLS
                    "certnotvalidyet")), // rustls
            rejected(RejectionReason.NOT_A_CA, t -> reason(t) == PKIXReason.NOT_CA_CERT
                    || reason(t) == PKIXReason.INVALID_KEY_USAGE && says(t, "keycertsign")
                    || says(t, "keycertsign bit is not set", "not a ca certificate", "invalid ca certificate",
                    "key usage does not include certificate signing",
                    "parent certificate cannot sign this kind of certificate", // Go
                    // OpenSSL's X509 strict mode (Python 3.13's default) refusing a CA such as Starfield Class 2
                    "basic constraints of ca cert not marked critical", "ca cert does not include key usage",
                    "sec_error_ca_cert_invalid", // NSS
                    "sec_error_inadequate_key_usage", // NSS, Firefox: an issuer without keyCertSign
                    "issuer is not a ca", // GnuTLS
                    "was not a ca", // wget
                    "not allowed to issue certs")), // Botan
            rejected(RejectionReason.PATH_LENGTH_EXCEEDED, t -> reason(t) == PKIXReason.PATH_TOO_LONG
                    || says(t, "pathlenconstraint violated", "path length constraint exceeded",
                    "too many intermediates for path length constraint", // Go
                    "sec_error_path_len_constraint_invalid", // NSS
                    "violates the signer's constraints", // GnuTLS
                    "certificate chain too long")), // Botan
            rejected(RejectionReason.WRONG_EXTENDED_KEY_USAGE, t -> says(t, "extended key usage does not permit",
                    "unsupported certificate purpose", "unsuitable certificate purpose", "extendedkeyusage",
                    "incompatible key usage", // Go
                    "sec_error_inadequate_cert_type", // NSS
                    "does not match the intended purpose", // GnuTLS
                    "requiredekunotfound", // rustls
                    "does not allow the requested usage")), // Botan
            rejected(RejectionReason.WEAK_ALGORITHM, t -> reason(t) == BasicReason.ALGORITHM_CONSTRAINED
                    || says(t, "algorithm constraints", "too weak", "key too small")),
            rejected(RejectionReason.HOSTNAME_MISMATCH, t -> says(t, "no subject alternative",
                    "doesn't match any of the subject alternative names", // Apache HttpClient 5
                    "no alternative certificate subject name matches", // curl
                    "does not match certificate's altnames", // Node
                    "no name matching", "hostname mismatch", "hostname verification failed",
                    "certificate is valid for", // Go
                    "ssl_error_bad_cert_domain", // NSS
                    "name in the certificate does not match the expected", // GnuTLS
                    "owner does not match hostname", // wget
                    "does not match target host name", // curl's GnuTLS backend (git)
                    "does not match with the expected cn", // mbedTLS
                    "certnotvalidforname", // rustls
                    "does not match provided name") // Botan
                    || says(t, "hostname") && says(t, "not verified")
                    || simpleName(t).contains("HostnameMismatch")),
            // The kit's trust managers hand over the chain the server sent when it stops below an intermediate.
            rejected(RejectionReason.INCOMPLETE_CHAIN, t -> reason(t) == PKIXReason.NO_TRUST_ANCHOR
                    && ((CertPathValidatorException) t).getCertPath() != null
                    && FakeAtsHierarchy.load().leavesOutAnIntermediate(((CertPathValidatorException) t).getCertPath()
                    .getCertificates().stream().filter(X509Certificate.class::isInstance).map(X509Certificate.class::cast)
                    .toList())),
            rejected(RejectionReason.UNTRUSTED_ROOT, t -> simpleName(t).equals("SunCertPathBuilderException")
                    || says(t, "unable to find valid certification path", "path building failed", "trust anchor",
                    "unknown ca", "self-signed certificate", "self signed certificate", "unable to get local issuer",
                    "unable to get issuer certificate", "unable_to_get_issuer_cert",
                    "unable to verify the first certificate", // Node: the leaf's issuer was not sent
                    "signed by unknown authority", // Go
                    "sec_error_unknown_issuer", "sec_error_untrusted_issuer", // NSS
                    "mozilla_pkix_error_self_signed_cert", // Firefox
                    "certificate issuer is unknown", // GnuTLS
                    "doesn't have a known issuer", // wget
                    "not correctly signed by the trusted ca", // mbedTLS
                    "asn_no_signer_e", // wolfSSL
                    "unknownissuer", // rustls
                    "certificate issuer not found", "cannot establish trust")), // Botan
            rejected(RejectionReason.PROTOCOL, t -> t instanceof javax.net.ssl.SSLHandshakeException
                    && says(t, "protocol", "no appropriate", "handshake_failure", "cipher")
                    || t instanceof javax.net.ssl.SSLProtocolException
                    || t instanceof CommandFailure && says(t, "alert protocol version", "no protocols available",
                    "unsupported protocol", "tlsv1 alert", "sslv3 alert handshake failure")),
            // The client failed its handshake for a reason no rule above names yet.
            rejected(RejectionReason.OTHER, t -> t instanceof SSLException || t instanceof CertificateException
                    || t instanceof CertPathValidatorException || t instanceof CertPathBuilderException
                    || t instanceof CommandFailure && says(t, "ssl", "tls", "certificate")));

    private FailureClassifier() {
    }

    /**
     * Judges a failure. An UNTRUSTED_ROOT becomes INCOMPLETE_CHAIN when the server is known to leave out an
     * intermediate: clients word both alike.
     */
    static Judgement classify(Throwable failure, Target target) {
        for (Rule rule : RULES) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (rule.matches().test(t)) {
                    Judgement judgement = rule.judgement();
                    return judgement.reason() == RejectionReason.UNTRUSTED_ROOT && target.sendsIncompleteChain()
                            ? new Judgement(Kind.REJECTED, RejectionReason.INCOMPLETE_CHAIN, null) : judgement;
                }
            }
        }
        return new Judgement(Kind.NO_VERDICT, null, (failure instanceof CommandFailure
                ? "the command failed without a TLS error" : "the probed code threw " + failure.getClass().getName())
                + ", not a TLS failure of the client");
    }

    /** A command-line client's failure: its exit code and what it printed. */
    static final class CommandFailure extends Exception {
        CommandFailure(int exitCode, String output) {
            super("exit " + exitCode + ": " + output.strip());
        }
    }

    private static Rule noVerdict(String what, Predicate<Throwable> matches) {
        return new Rule(new Judgement(Kind.NO_VERDICT, null, what), matches);
    }

    private static Rule rejected(RejectionReason reason, Predicate<Throwable> matches) {
        return new Rule(new Judgement(Kind.REJECTED, reason, null), matches);
    }

    private static boolean says(Throwable t, String... phrases) {
        String message = message(t);
        for (String phrase : phrases) {
            if (message.contains(phrase)) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable t) {
        return Optional.ofNullable(t.getMessage()).orElse("").toLowerCase(Locale.ROOT);
    }

    private static String simpleName(Throwable t) {
        return t.getClass().getSimpleName();
    }

    private static boolean isA(Throwable t, String className) {
        for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private static CertPathValidatorException.Reason reason(Throwable t) {
        return t instanceof CertPathValidatorException e ? e.getReason() : null;
    }
}
