package io.github.atstrust.testkit.trust;

import io.github.atstrust.testkit.pki.FakeCa;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Collects the anchors of a {@link TrustProfile}, in the order added, without duplicates.
 *
 * <pre>TrustProfile.builder("mine").addPlatformTrust().replaceAtsWithTwins().add(FakeCa.OTHER_PUBLIC_ROOT).build()</pre>
 */
public final class TrustProfileBuilder {
    private final String id;
    private final List<X509Certificate> certificates = new ArrayList<>();
    private String description;
    private boolean replaceAts;

    TrustProfileBuilder(String id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    /**
     * Describes the profile in words (by default the builder says how it was made).
     *
     * @param text what the profile stands for
     * @return this builder
     */
    public TrustProfileBuilder description(String text) {
        this.description = Objects.requireNonNull(text, "description");
        return this;
    }

    /**
     * Trusts these certificates.
     *
     * @param anchors self-signed certificates
     * @return this builder
     */
    public TrustProfileBuilder add(X509Certificate... anchors) {
        Arrays.stream(anchors).map(Objects::requireNonNull).forEach(certificates::add);
        return this;
    }

    /**
     * Trusts a fake CA of the kit, e.g. {@link FakeCa#AMAZON_ROOT_CA_3} or {@link FakeCa#OTHER_PUBLIC_ROOT}.
     *
     * @param ca a fake CA; only roots belong in a profile
     * @return this builder
     */
    public TrustProfileBuilder add(FakeCa ca) {
        return add(ca.certificate());
    }

    /**
     * Trusts every certificate entry of a key store (key entries are skipped).
     *
     * @param store a loaded key store
     * @return this builder
     * @throws IllegalArgumentException when the store cannot be read
     */
    public TrustProfileBuilder addAll(KeyStore store) {
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isCertificateEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
                    certificates.add(certificate);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the trust store: " + e.getMessage(), e);
        }
        return this;
    }

    /**
     * Trusts what the running JVM's default trust manager trusts (its {@code cacerts}, or the store that
     * {@code javax.net.ssl.trustStore} names): the platform trust of a client that sets none.
     *
     * @return this builder
     */
    public TrustProfileBuilder addPlatformTrust() {
        certificates.addAll(TrustManagers.platformAnchors());
        return this;
    }

    /**
     * Swaps every real ATS anchor (added before or after this call) for its fake twin, keeping everything
     * else: production trust that meets the kit's chains as it would meet AWS's.
     *
     * @return this builder
     */
    public TrustProfileBuilder replaceAtsWithTwins() {
        this.replaceAts = true;
        return this;
    }

    /** {@return the profile} */
    public TrustProfile build() {
        List<X509Certificate> anchors = new ArrayList<>();
        int swapped = 0;
        for (X509Certificate certificate : certificates) {
            X509Certificate twin = replaceAts ? TrustManagers.fakeTwinOf(certificate) : null;
            X509Certificate anchor = twin == null ? certificate : twin;
            swapped += twin == null ? 0 : 1;
            if (!anchors.contains(anchor)) {
                anchors.add(anchor);
            }
        }
        String text = description != null ? description : replaceAts
                ? "mirror of a trust store of " + anchors.size() + " certificates, its " + swapped
                + " real ATS anchors swapped for their fake twins"
                : "trusts " + anchors.size() + " certificates";
        return TrustProfile.of(id, text, anchors);
    }

}
