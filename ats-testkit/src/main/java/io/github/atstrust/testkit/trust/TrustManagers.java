package io.github.atstrust.testkit.trust;

import io.github.atstrust.testkit.pki.FakeAtsHierarchy;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilder;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/** The JSSE side of trust profiles: the JDK's PKIX trust managers over a set of anchors, and the platform's own. */
final class TrustManagers {

    private TrustManagers() {
    }

    /** The JDK's default PKIX trust manager over {@code anchors}, with incomplete chains named as such. */
    static X509ExtendedTrustManager over(List<X509Certificate> anchors) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(TrustStoreFiles.keyStore("PKCS12", anchors));
        return x509(factory);
    }

    /** A PKIX trust manager over {@code anchors} with its own revocation checker. */
    static X509ExtendedTrustManager revocationChecking(List<X509Certificate> anchors,
                                                       PKIXRevocationChecker.Option... options) throws GeneralSecurityException {
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(TrustStoreFiles.keyStore("PKCS12", anchors),
                new X509CertSelector());
        PKIXRevocationChecker checker = (PKIXRevocationChecker) CertPathBuilder.getInstance("PKIX").getRevocationChecker();
        checker.setOptions(options.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(options)));
        parameters.addCertPathChecker(checker);
        parameters.setRevocationEnabled(true);
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(new CertPathTrustManagerParameters(parameters));
        return x509(factory);
    }

    /** What the running JVM's default trust manager trusts: its cacerts, or what {@code javax.net.ssl.trustStore} names. */
    static List<X509Certificate> platformAnchors() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            List<X509Certificate> anchors = new ArrayList<>();
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    anchors.addAll(List.of(x509.getAcceptedIssuers()));
                }
            }
            return anchors;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JVM's default trust: " + e.getMessage(), e);
        }
    }

    /** The fake twin of a real ATS anchor, or {@code null} for any other certificate. */
    static X509Certificate fakeTwinOf(X509Certificate certificate) {
        for (RealAtsRoot root : RealAtsRoot.values()) {
            if (root.isSameAnchor(certificate)) {
                return root.fakeTwin().certificate();
            }
        }
        return null;
    }

    /** One built-in profile per fake ATS anchor, then all-ats and no-ats. */
    static List<TrustProfile> builtInProfiles() {
        FakeAtsHierarchy fake = FakeAtsHierarchy.load();
        List<TrustProfile> profiles = new ArrayList<>();
        for (RealAtsRoot real : RealAtsRoot.values()) {
            profiles.add(TrustProfile.of(real.id(), "trusts only the fake " + real.displayName(),
                    List.of(fake.certificate(real.fakeTwin()))));
        }
        profiles.add(TrustProfile.of(TrustProfiles.ALL_ATS, "trusts all six fake ATS anchors",
                Arrays.stream(RealAtsRoot.values()).map(real -> fake.certificate(real.fakeTwin())).toList()));
        profiles.add(TrustProfile.of(TrustProfiles.NO_ATS, "trusts no ATS anchor, only an unrelated public root",
                List.of(fake.certificate(FakeCa.OTHER_PUBLIC_ROOT))));
        return List.copyOf(profiles);
    }

    private static X509ExtendedTrustManager x509(TrustManagerFactory factory) {
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return new IncompleteChainAwareTrustManager(x509);
            }
        }
        throw new IllegalStateException("the JDK gave no X509ExtendedTrustManager");
    }
}
