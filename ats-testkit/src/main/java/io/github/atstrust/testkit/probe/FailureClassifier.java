package io.github.atstrust.testkit.probe;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateRevokedException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Classification of client failures as data: an ordered list of rules, each a test on one throwable of the
 * cause chain. The first rule matching any throwable (walking from the outermost) wins, so specific causes
 * (revoked, expired) are listed before generic ones (no trusted path). Add a client's wording by adding a rule.
 */
final class FailureClassifier {

    private record Rule(RejectionReason reason, Predicate<Throwable> matches) {
    }

    private static final List<Rule> RULES = List.of(
            rule(RejectionReason.TIMEOUT, t -> t instanceof HttpTimeoutException || t instanceof SocketTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException
                    || simpleName(t).contains("Timeout") || message(t).equals("timeout")
                    || message(t).contains("timed out")),
            rule(RejectionReason.REVOKED, t -> t instanceof CertificateRevokedException
                    || reason(t) == BasicReason.REVOKED || message(t).contains("certificate revoked")),
            rule(RejectionReason.EXPIRED, t -> t instanceof CertificateExpiredException
                    || reason(t) == BasicReason.EXPIRED || message(t).contains("certificate has expired")),
            rule(RejectionReason.NOT_YET_VALID, t -> t instanceof CertificateNotYetValidException
                    || reason(t) == BasicReason.NOT_YET_VALID || message(t).contains("not yet valid")),
            rule(RejectionReason.WEAK_ALGORITHM, t -> reason(t) == BasicReason.ALGORITHM_CONSTRAINED
                    || message(t).contains("algorithm constraints") || message(t).contains("too weak")
                    || message(t).contains("key too small")),
            rule(RejectionReason.HOSTNAME_MISMATCH, t -> message(t).contains("no subject alternative")
                    || message(t).contains("doesn't match any of the subject alternative names") // Apache HttpClient 5
                    || message(t).contains("no alternative certificate subject name matches") // curl
                    || message(t).contains("no name matching") || message(t).contains("hostname")
                    && (message(t).contains("not verified") || message(t).contains("mismatch"))
                    || simpleName(t).contains("HostnameMismatch")),
            rule(RejectionReason.UNTRUSTED_ROOT, t -> simpleName(t).equals("SunCertPathBuilderException")
                    || message(t).contains("unable to find valid certification path")
                    || message(t).contains("path building failed") || message(t).contains("trust anchor")
                    || message(t).contains("unknown ca") || message(t).contains("self-signed certificate")
                    || message(t).contains("unable to get local issuer")),
            rule(RejectionReason.PROTOCOL, t -> t instanceof javax.net.ssl.SSLHandshakeException
                    && (message(t).contains("protocol") || message(t).contains("no appropriate")
                    || message(t).contains("handshake_failure") || message(t).contains("cipher"))
                    || t instanceof javax.net.ssl.SSLProtocolException));

    private FailureClassifier() {
    }

    static RejectionReason classify(Throwable failure) {
        for (Rule rule : RULES) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (rule.matches().test(t)) {
                    return rule.reason();
                }
            }
        }
        return RejectionReason.OTHER;
    }

    private static Rule rule(RejectionReason reason, Predicate<Throwable> matches) {
        return new Rule(reason, matches);
    }

    private static String message(Throwable t) {
        return Optional.ofNullable(t.getMessage()).orElse("").toLowerCase(Locale.ROOT);
    }

    private static String simpleName(Throwable t) {
        return t.getClass().getSimpleName();
    }

    private static BasicReason reason(Throwable t) {
        return t instanceof CertPathValidatorException e && e.getReason() instanceof BasicReason basic ? basic : null;
    }
}
