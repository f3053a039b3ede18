package io.github.atstrust.testkit.server;

import io.github.atstrust.testkit.pki.CertificateAuthority;
import io.github.atstrust.testkit.pki.FakeAtsHierarchy;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ServerBehaviour;
import java.net.URI;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The chains one running server presents: each scenario's leaf minted with this server's CRL, OCSP and caIssuers
 * URLs, followed by the CA copies it publishes ({@link PublishedCas}), as the scenario declares them. Every
 * certificate is registered with the revocation responder. Leaves are issued at the start of the hour (UTC), so
 * what a start signs depends only on its inputs, and {@link SignedMaterialCache} hands an earlier start's
 * material back when they are the same; otherwise the CA copies and the leaves, which are independent, are signed
 * at once on every core. Chains are minted for the day of issuance: once one of 2022's issuing CAs has ended
 * (2030-08-23), its scenarios are served from the next generation under the same root ({@link FakeCa#inServiceOn}).
 */
final class ServedChains {

    private final Map<Scenario, List<X509Certificate>> chains;

    private ServedChains(Map<Scenario, List<X509Certificate>> chains) {
        this.chains = chains;
    }

    /** Mints every chain of {@code scenarios} for the server whose CA copies {@code cas} hands out. */
    static ServedChains mint(List<Scenario> scenarios, PublishedCas cas, RevocationResponder revocation, Instant now,
                             SignedMaterialCache cache) {
        Instant issuance = now.truncatedTo(ChronoUnit.HOURS);
        LocalDate day = issuance.atZone(ZoneOffset.UTC).toLocalDate();
        String key = cache.enabled() ? SignedMaterialCache.key(scenarios, cas.base(), issuance) : null;
        Optional<SignedMaterialCache.Material> cached = key == null ? Optional.empty()
                : cache.read(key).filter(m -> consistent(m, scenarios, day));
        SignedMaterialCache.Material material = cached.isPresent() ? adopt(cached.get(), scenarios, cas, revocation, day)
                : sign(scenarios, cas, revocation, issuance, day);
        if (key != null && cached.isEmpty()) {
            cache.write(key, material);
        }
        Map<Scenario, List<X509Certificate>> chains = new LinkedHashMap<>();
        scenarios.forEach(s -> chains.put(s, chain(s, material, cas, day)));
        return new ServedChains(chains);
    }

    private static SignedMaterialCache.Material sign(List<Scenario> scenarios, PublishedCas cas, RevocationResponder revocation,
                                                     Instant issuance, LocalDate day) {
        Map<String, X509Certificate> leaves = new ConcurrentHashMap<>();
        Map<String, X509Certificate> revokedCopies = new ConcurrentHashMap<>();
        Stream.of(
                neededCas(scenarios, day).map(ca -> (Runnable) () -> cas.certificate(ca)),
                scenarios.stream().map(s -> (Runnable) () -> leaves.put(s.id(), mintLeaf(s, cas, revocation, issuance))),
                scenarios.stream().filter(s -> s.behaviour() == ServerBehaviour.REVOKED_INTERMEDIATE)
                        .map(s -> (Runnable) () -> revokedCopies.put(s.id(), cas.revokedCopy(revokedIssuer(s, day)))))
                .flatMap(tasks -> tasks).toList().parallelStream().forEach(Runnable::run);
        return new SignedMaterialCache.Material(cas.copies(), Map.copyOf(revokedCopies), Map.copyOf(leaves));
    }

    /** An earlier start's material, registered with this server's responder as if signed now. */
    private static SignedMaterialCache.Material adopt(SignedMaterialCache.Material material, List<Scenario> scenarios,
                                                      PublishedCas cas, RevocationResponder revocation, LocalDate day) {
        FakeAtsHierarchy fake = FakeAtsHierarchy.load();
        material.copies().forEach(cas::adopt);
        material.revokedCopies().forEach((id, copy) -> revocation.register(fake.issuerOf(revokedIssuer(byId(scenarios, id), day)),
                copy.getSerialNumber(), true));
        for (Scenario scenario : scenarios) {
            scenario.leafIssuer().ifPresent(issuer -> revocation.register(issuer.inServiceOn(day),
                    material.leaves().get(scenario.id()).getSerialNumber(), scenario.behaviour() == ServerBehaviour.REVOKED_LEAF));
        }
        return material;
    }

    /**
     * Whether cached material holds everything these scenarios send, each certificate with the subject and key the
     * fixtures give it: an entry of another catalogue or build, or a tampered one, is signed anew.
     */
    static boolean consistent(SignedMaterialCache.Material material, List<Scenario> scenarios, LocalDate day) {
        FakeAtsHierarchy fake = FakeAtsHierarchy.load();
        boolean copies = neededCas(scenarios, day).allMatch(ca -> sameAs(material.copies().get(ca), fake.certificate(ca)));
        boolean leaves = scenarios.stream().allMatch(s -> {
            X509Certificate leaf = material.leaves().get(s.id());
            return leaf != null && leaf.getPublicKey().equals(fake.leafKeyPair(s.leaf().keyType()).getPublic())
                    && leaf.getIssuerX500Principal().equals(s.leafIssuer().map(ca -> fake.certificate(ca.inServiceOn(day))
                    .getSubjectX500Principal()).orElse(leaf.getSubjectX500Principal()));
        });
        boolean revoked = scenarios.stream().filter(s -> s.behaviour() == ServerBehaviour.REVOKED_INTERMEDIATE)
                .allMatch(s -> sameAs(material.revokedCopies().get(s.id()), fake.certificate(revokedIssuer(s, day))));
        return copies && leaves && revoked;
    }

    private static boolean sameAs(X509Certificate copy, X509Certificate fixture) {
        return copy != null && copy.getSubjectX500Principal().equals(fixture.getSubjectX500Principal())
                && copy.getPublicKey().equals(fixture.getPublicKey())
                && copy.getIssuerX500Principal().equals(fixture.getIssuerX500Principal());
    }

    /** The CAs below a root that the scenarios send or that sign their leaves: each is a copy with the server's URLs. */
    private static Stream<FakeCa> neededCas(List<Scenario> scenarios, LocalDate day) {
        FakeAtsHierarchy fake = FakeAtsHierarchy.load();
        return scenarios.stream().flatMap(s -> Stream.concat(s.leafIssuer().stream(), s.sentAfterLeaf().stream()))
                .map(ca -> ca.inServiceOn(day)).distinct().filter(ca -> !fake.isRoot(ca));
    }

    private static FakeCa revokedIssuer(Scenario scenario, LocalDate day) {
        return scenario.leafIssuer().orElseThrow().inServiceOn(day);
    }

    private static Scenario byId(List<Scenario> scenarios, String id) {
        return scenarios.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    /** The certificates the server of {@code scenario} sends, leaf first. */
    List<X509Certificate> of(Scenario scenario) {
        return chains.get(scenario);
    }

    /** The private key of {@code scenario}'s leaf (the fixtures' pool has one per key type). */
    static PrivateKey leafKey(Scenario scenario) {
        return FakeAtsHierarchy.load().leafKeyPair(scenario.leaf().keyType()).getPrivate();
    }

    private static X509Certificate mintLeaf(Scenario scenario, PublishedCas cas, RevocationResponder revocation,
                                            Instant issuance) {
        FakeAtsHierarchy fake = FakeAtsHierarchy.load();
        KeyPair keyPair = fake.leafKeyPair(scenario.leaf().keyType());
        if (scenario.leafIssuer().isEmpty()) {
            return CertificateAuthority.selfSigned(scenario.leaf(), keyPair, issuance);
        }
        FakeCa issuer = scenario.leafIssuer().get().inServiceOn(issuance.atZone(ZoneOffset.UTC).toLocalDate());
        URI crl = cas.crl(issuer);
        X509Certificate leaf = fake.authority(issuer).issue(scenario.leaf(), keyPair, crl, cas.ocsp(), cas.caIssuers(issuer),
                issuance);
        revocation.register(issuer, leaf.getSerialNumber(), scenario.behaviour() == ServerBehaviour.REVOKED_LEAF);
        return leaf;
    }

    private static List<X509Certificate> chain(Scenario scenario, SignedMaterialCache.Material material, PublishedCas cas,
                                               LocalDate day) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(material.leaves().get(scenario.id()));
        FakeCa revokedIssuer = scenario.behaviour() == ServerBehaviour.REVOKED_INTERMEDIATE ? revokedIssuer(scenario, day) : null;
        scenario.sentAfterLeaf().stream().map(ca -> ca.inServiceOn(day))
                .forEach(ca -> chain.add(ca == revokedIssuer ? material.revokedCopies().get(scenario.id()) : cas.certificate(ca)));
        return List.copyOf(chain);
    }
}
