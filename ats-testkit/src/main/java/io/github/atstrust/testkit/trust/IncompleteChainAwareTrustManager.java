package io.github.atstrust.testkit.trust;

import io.github.atstrust.testkit.pki.FakeAtsHierarchy;
import java.net.Socket;
import java.security.cert.CertPath;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXReason;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's PKIX trust manager, unchanged but for one thing: a "no trusted path" failure for a chain that stops
 * below an intermediate of the fake hierarchy carries that chain as a {@link CertPathValidatorException} with the
 * reason {@link PKIXReason#NO_TRUST_ANCHOR}, which the classifier reads as an incomplete chain (the JDK words it
 * like an untrusted root). Every check, host name identification included, is the delegate's.
 */
final class IncompleteChainAwareTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager delegate;

    IncompleteChainAwareTrustManager(X509ExtendedTrustManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            throw named(chain, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            throw named(chain, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw named(chain, e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    private static CertificateException named(X509Certificate[] chain, CertificateException failure) {
        if (chain == null || chain.length == 0 || !noTrustedPath(failure)
                || !FakeAtsHierarchy.load().leavesOutAnIntermediate(List.of(chain))) {
            return failure;
        }
        X509Certificate top = chain[chain.length - 1];
        String message = "incomplete chain: the server did not send the intermediate CA "
                + top.getIssuerX500Principal().getName() + " that issued " + top.getSubjectX500Principal().getName();
        try {
            CertPath sent = CertificateFactory.getInstance("X.509").generateCertPath(List.of(chain));
            return new CertificateException(message + " (" + failure.getMessage() + ")", new CertPathValidatorException(
                    message, failure, sent, chain.length - 1, PKIXReason.NO_TRUST_ANCHOR));
        } catch (CertificateException unencodable) {
            return failure;
        }
    }

    private static boolean noTrustedPath(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertPathBuilderException
                    || String.valueOf(t.getMessage()).contains("unable to find valid certification path")) {
                return true;
            }
        }
        return false;
    }
}
