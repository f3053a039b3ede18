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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The chains one running server presents: each scenario's leaf minted with this server's CRL, OCSP and caIssuers
 * URLs, followed by the CA copies it publishes ({@link PublishedCas}), as the scenario declares them. Every
 * certificate is registered with the revocation responder. Minting is the whole cost of a cold start (RSA 4096
 * above all), so the CA copies and the leaves, which are independent, are signed at once on every core.
 * Chains are minted for the day the server starts: once one of 2022's issuing CAs has ended (2030-08-23), its
 * scenarios are served from the next generation under the same root ({@link FakeCa#inServiceOn}).
 */
final class ServedChains {

    private final Map<Scenario, List<X509Certificate>> chains;

    private ServedChains(Map<Scenario, List<X509Certificate>> chains) {
        this.chains = chains;
    }

    /** Mints every chain of {@code scenarios} for the server whose plain-HTTP base is {@code base}. */
    static ServedChains mint(List<Scenario> scenarios, PublishedCas cas, RevocationResponder revocation, Instant now) {
        LocalDate day = now.atZone(ZoneOffset.UTC).toLocalDate();
        Map<Scenario, X509Certificate> leaves = new ConcurrentHashMap<>();
        Stream.concat(
                scenarios.stream().flatMap(s -> Stream.concat(s.leafIssuer().stream(), s.sentAfterLeaf().stream()))
                        .map(ca -> ca.inServiceOn(day)).distinct().map(ca -> (Runnable) () -> cas.certificate(ca)),
                scenarios.stream().map(s -> (Runnable) () -> leaves.put(s, mintLeaf(s, cas, revocation, now))))
                .toList().parallelStream().forEach(Runnable::run);
        Map<Scenario, List<X509Certificate>> chains = new LinkedHashMap<>();
        scenarios.forEach(s -> chains.put(s, chain(s, leaves.get(s), cas, day)));
        return new ServedChains(chains);
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
                                            Instant now) {
        FakeAtsHierarchy fake = FakeAtsHierarchy.load();
        KeyPair keyPair = fake.leafKeyPair(scenario.leaf().keyType());
        if (scenario.leafIssuer().isEmpty()) {
            return CertificateAuthority.selfSigned(scenario.leaf(), keyPair);
        }
        FakeCa issuer = scenario.leafIssuer().get().inServiceOn(now.atZone(ZoneOffset.UTC).toLocalDate());
        URI crl = cas.crl(issuer);
        X509Certificate leaf = fake.authority(issuer).issue(scenario.leaf(), keyPair, crl, cas.ocsp(), cas.caIssuers(issuer),
                now);
        revocation.register(issuer, leaf.getSerialNumber(), scenario.behaviour() == ServerBehaviour.REVOKED_LEAF);
        return leaf;
    }

    private static List<X509Certificate> chain(Scenario scenario, X509Certificate leaf, PublishedCas cas, LocalDate day) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        FakeCa revokedIssuer = scenario.behaviour() == ServerBehaviour.REVOKED_INTERMEDIATE
                ? scenario.leafIssuer().orElseThrow().inServiceOn(day) : null;
        X509Certificate revokedCopy = revokedIssuer == null ? null : cas.revokedCopy(revokedIssuer);
        scenario.sentAfterLeaf().stream().map(ca -> ca.inServiceOn(day))
                .forEach(ca -> chain.add(ca == revokedIssuer ? revokedCopy : cas.certificate(ca)));
        return List.copyOf(chain);
    }
}
