package io.github.atstrust.testkit.scenario;

import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.LeafSpec;
import io.github.atstrust.testkit.probe.RejectionReason;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Declares a {@link Scenario} by name; {@link #build()} checks it. */
public final class ScenarioBuilder {
    private final String id;
    private String description;
    private LeafSpec leaf = LeafSpec.forHosts("localhost", "127.0.0.1", "::1");
    private Optional<FakeCa> issuer;
    private final List<FakeCa> sent = new ArrayList<>();
    private final Set<FakeCa> anchors = new LinkedHashSet<>();
    private RejectionReason defect;
    private final Set<ClientSetting> requires = EnumSet.noneOf(ClientSetting.class);
    private ServerBehaviour behaviour = ServerBehaviour.NORMAL;
    private final Map<FakeCa, RejectionReason> behindDefect = new LinkedHashMap<>();
    private boolean smtp;

    ScenarioBuilder(String id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    /**
     * What the chain is, in words (by default the id).
     *
     * @param text e.g. {@code the ACM chain for DynamoDB in eu-west-3}
     * @return this builder
     */
    public ScenarioBuilder description(String text) {
        this.description = Objects.requireNonNull(text, "description");
        return this;
    }

    /**
     * The leaf to mint.
     *
     * @param spec e.g. {@code LeafSpec.forHosts("localhost").keyType(KeyType.EC_P256)}
     * @return this builder
     */
    public ScenarioBuilder leaf(LeafSpec spec) {
        this.leaf = Objects.requireNonNull(spec, "leaf");
        return this;
    }

    /**
     * A default leaf (RSA 2048, 30 days) for these host names.
     *
     * @param hostNames DNS names or IP literals
     * @return this builder
     */
    public ScenarioBuilder leafFor(String... hostNames) {
        return leaf(LeafSpec.forHosts(hostNames));
    }

    /**
     * The CA that signs the leaf.
     *
     * @param ca e.g. {@link FakeCa#AMAZON_RSA_2048_M01}
     * @return this builder
     */
    public ScenarioBuilder issuedBy(FakeCa ca) {
        this.issuer = Optional.of(ca);
        return this;
    }

    /**
     * The leaf signs itself.
     *
     * @return this builder
     */
    public ScenarioBuilder selfSigned() {
        this.issuer = Optional.empty();
        return this;
    }

    /**
     * The CA certificates the server sends after the leaf, in order (none by default).
     *
     * @param cas e.g. the intermediate, then the cross-certificates
     * @return this builder
     */
    public ScenarioBuilder sends(FakeCa... cas) {
        sent.addAll(List.of(cas));
        return this;
    }

    /**
     * The fake anchors the sent chain leads to: a client trusting one of them accepts the chain (or meets its
     * defect).
     *
     * @param roots self-signed fake roots
     * @return this builder
     */
    public ScenarioBuilder leadsTo(FakeCa... roots) {
        anchors.addAll(List.of(roots));
        return this;
    }

    /**
     * An anchor the chain reaches only over a defective certificate, with the reason a client holding it (and
     * none of {@link #leadsTo}'s) refuses the chain.
     *
     * @param root   the anchor behind the defect
     * @param reason e.g. {@link RejectionReason#EXPIRED}
     * @return this builder
     */
    public ScenarioBuilder leadsOverDefectTo(FakeCa root, RejectionReason reason) {
        behindDefect.put(root, reason);
        return this;
    }

    /**
     * The chain's own defect: why every client refuses it, even one trusting an anchor.
     *
     * @param reason never {@code OTHER}
     * @return this builder
     */
    public ScenarioBuilder rejectedBecause(RejectionReason reason) {
        this.defect = Objects.requireNonNull(reason, "reason");
        return this;
    }

    /**
     * Client settings the verdict depends on.
     *
     * @param settings e.g. {@link ClientSetting#REVOCATION_CHECKING}
     * @return this builder
     */
    public ScenarioBuilder requires(ClientSetting... settings) {
        requires.addAll(List.of(settings));
        return this;
    }

    /**
     * How the server behaves beyond the chain (normal by default).
     *
     * @param serverBehaviour e.g. {@link ServerBehaviour#TLS12_ONLY}
     * @return this builder
     */
    public ScenarioBuilder behaviour(ServerBehaviour serverBehaviour) {
        this.behaviour = Objects.requireNonNull(serverBehaviour, "behaviour");
        return this;
    }

    /**
     * Also serves the chain over SMTP, STARTTLS and TLS wrapper mode, when the servers have mail on.
     *
     * @return this builder
     */
    public ScenarioBuilder alsoOverSmtp() {
        this.smtp = true;
        return this;
    }

    /**
     * The scenario.
     *
     * @return the checked scenario
     * @throws IllegalArgumentException as {@link Scenario}'s constructor, or when the leaf's issuer was not said
     */
    public Scenario build() {
        if (issuer == null) {
            throw new IllegalArgumentException("scenario '" + id + "': say who signs the leaf, issuedBy(FakeCa) "
                    + "or selfSigned()");
        }
        return new Scenario(id, description == null ? id : description, leaf, issuer, sent, anchors,
                Optional.ofNullable(defect), requires, behaviour, behindDefect, smtp);
    }
}
