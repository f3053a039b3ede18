package io.github.atstrust.testkit.picture;

import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ServerBehaviour;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fake twin's topology, and a scenario's chain drawn on it: both from the fixture certificates and the
 * chain a server really sends, so a picture cannot disagree with what is served.
 */
final class ChainDrawing {

    private ChainDrawing() {
    }

    /**
     * The certificates a good chain of the twin can use: the six roots, and every fixture CA they reach by
     * signature that is valid on {@code now}, is a CA, and whose issuer's path length allows it.
     */
    static List<X509Certificate> hierarchy(Instant now) {
        java.time.LocalDate day = now.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        Drawn last = lastDrawn;
        if (last != null && last.day().equals(day)) {
            return last.certificates();
        }
        List<X509Certificate> certificates = reachedOn(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        lastDrawn = new Drawn(day, certificates);
        return certificates;
    }

    /** The hierarchy of one day: every scenario of a page is drawn on it, so it is worked out once. */
    private record Drawn(java.time.LocalDate day, List<X509Certificate> certificates) {
    }

    private static volatile Drawn lastDrawn;

    private static List<X509Certificate> reachedOn(Instant now) {
        Set<X509Certificate> reached = new LinkedHashSet<>();
        Arrays.stream(RealAtsRoot.values()).map(r -> r.fakeTwin().certificate()).forEach(reached::add);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (FakeCa ca : FakeCa.values()) {
                X509Certificate certificate = ca.certificate();
                if (reached.contains(certificate) || !usable(certificate, now)) {
                    continue;
                }
                Optional<X509Certificate> issuer = reached.stream().filter(i -> CertificateFacts.signed(i, certificate)).findFirst();
                if (issuer.isPresent() && (CertificateFacts.selfSigned(issuer.get()) || issuer.get().getBasicConstraints() > 0)) {
                    reached.add(certificate);
                    grew = true;
                }
            }
        }
        return List.copyOf(reached);
    }

    /** The roots of the twin and the crosses between them: the backbone every scenario is drawn on. */
    static List<X509Certificate> backbone(Instant now) {
        Set<String> roots = new java.util.HashSet<>();
        Arrays.stream(RealAtsRoot.values()).forEach(r -> roots.add(CertificateFacts.authority(r.fakeTwin().certificate())));
        return hierarchy(now).stream().filter(c -> roots.contains(CertificateFacts.authority(c))).toList();
    }

    private static boolean usable(X509Certificate certificate, Instant now) {
        Date day = Date.from(now);
        boolean[] usage = certificate.getKeyUsage();
        return !certificate.getNotAfter().before(day) && !certificate.getNotBefore().after(day)
                && certificate.getBasicConstraints() >= 0 && (usage == null || usage[5]);
    }

    static CaGraph hierarchyGraph(Instant now) {
        CaGraph graph = new CaGraph();
        hierarchy(now).forEach(c -> graph.add(c, null));
        return graph.layOut();
    }

    /**
     * A scenario's chain on the backbone: what is sent highlighted, the anchors it leads to outlined, the issuers
     * above it from the fixtures, the leaf's issuer dashed when it is not sent, and each defect marked on the
     * certificate that has it.
     */
    static CaGraph scenarioGraph(Scenario scenario, List<X509Certificate> sent, Instant now) {
        CaGraph graph = new CaGraph();
        backbone(now).forEach(c -> graph.add(c, null));
        scenario.anchors().forEach(a -> graph.add(a.certificate(), null, Look.LEADS_TO));
        for (int i = 0; i < sent.size(); i++) {
            graph.add(sent.get(i), null, i == 0 ? new Look[] {Look.SENT, Look.LEAF} : new Look[] {Look.SENT});
        }
        List<X509Certificate> context = new ArrayList<>();
        for (X509Certificate certificate : sent) {
            above(certificate, sent, context);
        }
        Optional<X509Certificate> leafIssuer = sent.isEmpty() ? Optional.empty() : issuer(sent.get(0), sent);
        for (X509Certificate certificate : context) {
            boolean missing = leafIssuer.isPresent() && leafIssuer.get().equals(certificate);
            graph.add(certificate, null, missing ? new Look[] {Look.UNSENT} : new Look[0]);
        }
        Set<RejectionReason> reasons = new LinkedHashSet<>();
        scenario.defect().ifPresent(reasons::add);
        reasons.addAll(scenario.anchorsBehindDefect().values());
        for (RejectionReason reason : reasons) {
            mark(graph, scenario, reason, sent, context, leafIssuer, now);
        }
        return graph.layOut();
    }

    /** The fixture issuers above a certificate that the server does not send, up to a self-signed one. */
    private static void above(X509Certificate certificate, List<X509Certificate> sent, List<X509Certificate> context) {
        X509Certificate current = certificate;
        while (!CertificateFacts.selfSigned(current)) {
            Optional<X509Certificate> issuer = issuer(current, sent);
            if (issuer.isEmpty() || context.contains(issuer.get()) || sent.contains(issuer.get())) {
                return;
            }
            context.add(issuer.get());
            current = issuer.get();
        }
    }

    /** The issuer among the sent certificates, else among the fixtures: by name first, then by signature. */
    private static Optional<X509Certificate> issuer(X509Certificate certificate, List<X509Certificate> sent) {
        List<X509Certificate> candidates = new ArrayList<>(sent);
        Arrays.stream(FakeCa.values()).map(FakeCa::certificate).forEach(candidates::add);
        return candidates.stream().filter(c -> !c.equals(certificate))
                .filter(c -> CertificateFacts.signed(c, certificate)).findFirst();
    }

    private static void mark(CaGraph graph, Scenario scenario, RejectionReason reason, List<X509Certificate> sent,
                             List<X509Certificate> context, Optional<X509Certificate> leafIssuer, Instant now) {
        Date day = Date.from(now);
        String words = reason.name().replace('_', ' ');
        List<X509Certificate> marked = new ArrayList<>();
        switch (reason) {
            case EXPIRED -> sent.stream().filter(c -> c.getNotAfter().before(day)).forEach(marked::add);
            case NOT_YET_VALID -> sent.stream().filter(c -> c.getNotBefore().after(day)).forEach(marked::add);
            case NOT_A_CA -> sent.stream().skip(1).filter(c -> c.getBasicConstraints() < 0
                    || c.getKeyUsage() != null && !c.getKeyUsage()[5]).forEach(marked::add);
            case PATH_LENGTH_EXCEEDED -> sent.stream().skip(1).filter(c -> issuer(c, sent)
                    .filter(i -> !CertificateFacts.selfSigned(i) && i.getBasicConstraints() == 0).isPresent()).forEach(marked::add);
            case INCOMPLETE_CHAIN -> leafIssuer.filter(i -> !sent.contains(i)).ifPresent(marked::add);
            case REVOKED -> {
                if (scenario.behaviour() == ServerBehaviour.REVOKED_INTERMEDIATE && sent.size() > 1) {
                    marked.add(sent.get(1));
                }
            }
            case UNTRUSTED_ROOT -> {
                List<X509Certificate> path = new ArrayList<>(sent);
                path.addAll(context);
                path.stream().filter(CertificateFacts::selfSigned).reduce((first, second) -> second).ifPresent(marked::add);
            }
            default -> {
            }
        }
        if (marked.isEmpty() && !sent.isEmpty()) {
            marked.add(sent.get(0));
        }
        for (X509Certificate certificate : marked) {
            String mark = switch (reason) {
                case EXPIRED -> words + " " + CertificateFacts.notAfter(certificate);
                case NOT_YET_VALID -> words + " until " + certificate.getNotBefore().toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
                default -> words;
            };
            graph.add(certificate, mark, Look.DEFECT);
        }
    }
}
