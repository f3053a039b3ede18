package io.github.atstrust.testkit.scenario;

import io.github.atstrust.testkit.pki.CertificateAuthority;
import io.github.atstrust.testkit.pki.FakeAtsHierarchy;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.LeafSpec;
import io.github.atstrust.testkit.trust.TrustProfile;
import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One chain a server can present, declared as data: the leaf to mint and who issues it, the CA certificates
 * sent after it, which fake anchors make it acceptable, and what a client must do for the verdict to hold.
 *
 * <p>The expectation for any trust profile is derived, never tabulated: ACCEPT iff the profile holds one of
 * {@link #acceptingAnchors()}. Scenarios with a non-empty {@link #requires()} are judged that way only by
 * clients with those settings (e.g. {@code revocation-checking}).
 *
 * @param leafIssuer the CA signing the leaf, or {@code null} for a self-signed leaf
 * @param sentAfterLeaf CA certificates the server sends after the leaf, in order
 * @param acceptingAnchors fake anchors under which the chain is valid; empty for bad chains
 * @param requires client settings the verdict depends on; empty when every correct client agrees
 */
public record Scenario(String id, String description, LeafSpec leaf, FakeCa leafIssuer, List<FakeCa> sentAfterLeaf,
                       Set<FakeCa> acceptingAnchors, Set<String> requires, ServerBehaviour behaviour) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public Scenario {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("scenario id '" + id + "' must be lower-case letters, digits and dashes");
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(leaf, "leaf");
        Objects.requireNonNull(behaviour, "behaviour");
        sentAfterLeaf = List.copyOf(sentAfterLeaf);
        acceptingAnchors = Set.copyOf(acceptingAnchors);
        requires = Set.copyOf(requires);
    }

    /** The verdict a client trusting exactly {@code profile}'s anchors should reach. */
    public Expectation expectationFor(TrustProfile profile) {
        return acceptingAnchors.stream().map(FakeCa::certificate).anyMatch(profile::trusts)
                ? Expectation.ACCEPT : Expectation.REJECT;
    }

    /** Mints the leaf now and returns the chain to send. */
    public ServedChain mint() {
        return mint(null, null);
    }

    /**
     * Mints the leaf now, with the given revocation URLs (both may be {@code null}), and returns the chain to send.
     */
    public ServedChain mint(URI crlUri, URI ocspUri) {
        FakeAtsHierarchy fake = FakeAtsHierarchy.load();
        KeyPair keyPair = fake.leafKeyPair(leaf.keyType());
        LeafSpec spec = crlUri == null && ocspUri == null ? leaf : leaf.revocation(crlUri, ocspUri);
        X509Certificate leafCertificate = leafIssuer == null
                ? CertificateAuthority.selfSigned(spec, keyPair)
                : fake.authority(leafIssuer).issue(spec, keyPair);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leafCertificate);
        sentAfterLeaf.forEach(ca -> chain.add(fake.certificate(ca)));
        return new ServedChain(chain, keyPair.getPrivate());
    }
}
