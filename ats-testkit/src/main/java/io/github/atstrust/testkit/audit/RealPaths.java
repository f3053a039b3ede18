package io.github.atstrust.testkit.audit;

import io.github.atstrust.testkit.pki.RealAtsCertificate;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import io.github.atstrust.testkit.scenario.ClientSetting;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the real ATS chains, both shapes, to a store's anchors with the JDK's PKIX {@code CertPathBuilder} on a
 * given day, revocation off. Anchors are used as OpenSSL, GnuTLS and Go use them: only while valid on that day (the
 * JDK alone would accept an expired one); in X509 strict mode, only if they pass its checks. Once 2022's issuing CAs
 * have ended, the chains come from issuing CAs not yet published: the path is then built from the Amazon root up.
 */
final class RealPaths {

    private static final Map<RealAtsRoot, RealAtsCertificate[]> CHAINS = Map.of(
            RealAtsRoot.AMAZON_ROOT_CA_1, new RealAtsCertificate[] {RealAtsCertificate.AMAZON_RSA_2048_M01,
                    RealAtsCertificate.AMAZON_ROOT_CA_1_CROSS_G2},
            RealAtsRoot.AMAZON_ROOT_CA_2, new RealAtsCertificate[] {RealAtsCertificate.AMAZON_RSA_4096_M02,
                    RealAtsCertificate.AMAZON_ROOT_CA_2_CROSS_G2},
            RealAtsRoot.AMAZON_ROOT_CA_3, new RealAtsCertificate[] {RealAtsCertificate.AMAZON_ECDSA_256_M01,
                    RealAtsCertificate.AMAZON_ROOT_CA_3_CROSS_G2},
            RealAtsRoot.AMAZON_ROOT_CA_4, new RealAtsCertificate[] {RealAtsCertificate.AMAZON_ECDSA_384_M02,
                    RealAtsCertificate.AMAZON_ROOT_CA_4_CROSS_G2});

    private RealPaths() {
    }

    /** Both shapes of each Amazon root's chain, pre-2024 first, against the store's ATS-named entries. */
    static List<RealPath> build(Map<String, X509Certificate> entries, LocalDate day, boolean strict) {
        List<RealPath> paths = new ArrayList<>();
        for (RealAtsRoot root : RealAtsRoot.amazonRoots()) {
            paths.add(build(root, true, entries, day, strict));
            paths.add(build(root, false, entries, day, strict));
        }
        return paths;
    }

    private static RealPath build(RealAtsRoot root, boolean withClass2Cross, Map<String, X509Certificate> entries,
                                  LocalDate day, boolean strict) {
        RealAtsCertificate issuing = CHAINS.get(root)[0];
        RealAtsCertificate cross = CHAINS.get(root)[1];
        List<X509Certificate> sent = new ArrayList<>(List.of(issuing.certificate(), cross.certificate()));
        if (withClass2Cross) {
            sent.add(RealAtsCertificate.STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2.certificate());
        }
        Map<X509Certificate, String> usable = new java.util.LinkedHashMap<>();
        List<String> unusable = new ArrayList<>();
        for (Map.Entry<String, X509Certificate> entry : entries.entrySet()) {
            Optional<String> why = unusableAsAnchor(entry.getValue(), day, strict);
            if (why.isEmpty()) {
                usable.putIfAbsent(entry.getValue(), entry.getKey());
            } else if (reachable(entry.getValue(), withClass2Cross, root)) {
                unusable.add("entry '" + entry.getKey() + "' (" + anchorName(entry.getValue()) + ") " + why.get());
            }
        }
        List<String> names = new ArrayList<>();
        X509Certificate target = issuing.certificate();
        if (!validOn(target, day)) {
            names.add("an issuing CA not yet published (" + issuing.displayName() + " ended " + issuing.notAfter() + ")");
            Optional<Map.Entry<X509Certificate, String>> rootHeld = usable.entrySet().stream()
                    .filter(e -> root.isSameAnchor(e.getKey())).findFirst();
            if (rootHeld.isPresent()) {
                names.add(root.displayName());
                return new RealPath(root, withClass2Cross, names, rootHeld.get().getValue(), null);
            }
            sent.remove(target);
            target = cross.certificate();
        }
        if (usable.isEmpty()) {
            return new RealPath(root, withClass2Cross, List.of(), null, noAnchor(root, withClass2Cross, unusable));
        }
        Set<TrustAnchor> anchors = new HashSet<>();
        usable.keySet().forEach(anchor -> anchors.add(new TrustAnchor(anchor, null)));
        // The shortest path first, as TLS stacks find it (they stop at the first trusted certificate): the JDK's
        // builder, given the whole chain, may take it up to Class 2 though Amazon Root CA 1 is an anchor.
        for (int length = sent.indexOf(target) + 1; length <= sent.size(); length++) {
            Optional<PKIXCertPathBuilderResult> result = build(target, sent.subList(0, length), anchors, day);
            if (result.isPresent()) {
                for (var certificate : result.get().getCertPath().getCertificates()) {
                    Optional<String> problem = strict ? ClientSetting.x509StrictProblem((X509Certificate) certificate) : Optional.empty();
                    if (problem.isPresent()) {
                        return new RealPath(root, withClass2Cross, List.of(), null, "X509 strict mode refuses "
                                + name((X509Certificate) certificate) + ": " + problem.get());
                    }
                    names.add(name((X509Certificate) certificate));
                }
                X509Certificate anchor = result.get().getTrustAnchor().getTrustedCert();
                names.add(anchorName(anchor));
                return new RealPath(root, withClass2Cross, names, usable.get(anchor), null);
            }
        }
        List<String> ended = sent.stream().filter(c -> !validOn(c, day))
                .map(c -> name(c) + " ended " + c.getNotAfter().toInstant().atZone(ZoneOffset.UTC).toLocalDate()).toList();
        String why = ended.isEmpty() ? noAnchor(root, withClass2Cross, unusable)
                : "on the way, " + String.join("; ", ended) + (unusable.isEmpty() ? "" : "; " + String.join("; ", unusable));
        return new RealPath(root, withClass2Cross, List.of(), null, why);
    }

    private static Optional<PKIXCertPathBuilderResult> build(X509Certificate target, List<X509Certificate> sent,
                                                             Set<TrustAnchor> anchors, LocalDate day) {
        try {
            X509CertSelector selector = new X509CertSelector();
            selector.setCertificate(target);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, selector);
            parameters.setDate(Date.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC)));
            parameters.setRevocationEnabled(false);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(sent)));
            return Optional.of((PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters));
        } catch (InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("no PKIX parameters for " + target.getSubjectX500Principal(), e);
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** Whether the chain of {@code root} in this shape could end at {@code anchor}, were it usable. */
    private static boolean reachable(X509Certificate anchor, boolean withClass2Cross, RealAtsRoot root) {
        return root.isSameAnchor(anchor) || RealAtsRoot.STARFIELD_SERVICES_ROOT_G2.isSameAnchor(anchor)
                || withClass2Cross && RealAtsRoot.STARFIELD_CLASS_2.isSameAnchor(anchor);
    }

    private static String noAnchor(RealAtsRoot root, boolean withClass2Cross, List<String> unusable) {
        String wanted = root.displayName() + ", Starfield Services Root Certificate Authority - G2"
                + (withClass2Cross ? " or Starfield Class 2 Certification Authority" : "");
        return unusable.isEmpty() ? "the store holds no anchor this chain reaches (" + wanted + ")"
                : "no usable anchor this chain reaches (" + wanted + "): " + String.join("; ", unusable);
    }

    private static Optional<String> unusableAsAnchor(X509Certificate anchor, LocalDate day, boolean strict) {
        LocalDate notAfter = anchor.getNotAfter().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate notBefore = anchor.getNotBefore().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        if (notAfter.isBefore(day)) {
            return Optional.of("ended " + notAfter + " (OpenSSL, GnuTLS and Go refuse an expired anchor; the JDK alone "
                    + "accepts it)");
        }
        if (notBefore.isAfter(day)) {
            return Optional.of("is valid only from " + notBefore);
        }
        return strict ? ClientSetting.x509StrictProblem(anchor).map(p -> "fails X509 strict mode (Python 3.13's default): " + p)
                : Optional.empty();
    }

    private static boolean validOn(X509Certificate certificate, LocalDate day) {
        Date noon = Date.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
        return !certificate.getNotAfter().before(noon) && !certificate.getNotBefore().after(noon);
    }

    private static String name(X509Certificate certificate) {
        return Arrays.stream(RealAtsCertificate.values()).filter(real -> real.certificate().equals(certificate))
                .findFirst().map(RealAtsCertificate::displayName).orElseGet(() -> anchorName(certificate));
    }

    private static String anchorName(X509Certificate anchor) {
        return Arrays.stream(RealAtsRoot.values()).filter(root -> root.isSameAnchor(anchor)).findFirst()
                .map(RealAtsRoot::displayName).orElse(anchor.getSubjectX500Principal().getName());
    }
}
