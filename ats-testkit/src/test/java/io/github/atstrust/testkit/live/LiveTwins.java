package io.github.atstrust.testkit.live;

import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.LeafSpec;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.scenario.ClientSetting;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ScenarioBuilder;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import io.github.atstrust.testkit.scenario.ServerBehaviour;
import io.github.atstrust.testkit.server.AtsServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A kit twin of every live endpoint, for exercising the live machinery offline: a scenario whose leaf is issued to
 * the endpoint's real host name, with the chain and defect that give the verdict the guide expects there, served
 * on loopback and reached through curl-style connect-to entries (the clients still send and verify the real name).
 */
public final class LiveTwins {

    private static final FakeCa[] ROOT_1_CHAIN = {FakeCa.AMAZON_RSA_2048_M01, FakeCa.AMAZON_ROOT_CA_1_CROSS_G2};
    private static final FakeCa[] ROOT_1_ANCHORS = {FakeCa.AMAZON_ROOT_CA_1, FakeCa.STARFIELD_SERVICES_ROOT_G2};

    private LiveTwins() {
    }

    /** The twin scenario's id for a live endpoint. */
    public static String twinId(LiveEndpoint endpoint) {
        return "twin-" + endpoint.id();
    }

    /** The built-in catalogue plus one twin per live endpoint. */
    public static ScenarioCatalogue catalogue() {
        ScenarioCatalogue catalogue = ScenarioCatalogue.builtIn();
        for (LiveEndpoint endpoint : LiveEndpoint.all()) {
            catalogue = catalogue.with(twin(endpoint));
        }
        return catalogue;
    }

    /** Every twin id, for {@code AtsServersBuilder.only}. */
    public static Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>();
        LiveEndpoint.all().forEach(e -> ids.add(twinId(e)));
        return ids;
    }

    /** Servers for every twin (mail too), started. */
    public static AtsServers start() {
        return AtsServers.builder().catalogue(catalogue()).only(ids()).mail().start();
    }

    /** {@code HOST:PORT:127.0.0.1:TWIN_PORT} for every live endpoint, as curl's {@code --connect-to} takes them. */
    public static List<String> connectTo(AtsServers servers) {
        List<String> entries = new ArrayList<>();
        for (LiveEndpoint endpoint : LiveEndpoint.all()) {
            String id = twinId(endpoint);
            int port = switch (endpoint.uri().getScheme()) {
                case "smtp" -> servers.smtp(id).port();
                case "smtps" -> servers.smtps(id).port();
                default -> servers.endpoint(id).port();
            };
            entries.add(endpoint.host() + ":" + endpoint.port() + ":127.0.0.1:" + port);
        }
        return entries;
    }

    private static Scenario twin(LiveEndpoint endpoint) {
        LeafSpec leaf = LeafSpec.forHosts(endpoint.host());
        String description = "twin of " + endpoint.uri() + " (" + endpoint.description() + ")";
        RejectionReason reason = endpoint.expected().reason();
        ScenarioBuilder twin = Scenario.builder(twinId(endpoint)).description(description).leaf(leaf)
                .requires(endpoint.requires().toArray(ClientSetting[]::new));
        if (endpoint.requires().contains(ClientSetting.SMTP)) {
            twin.alsoOverSmtp();
        }
        ScenarioBuilder underRoot1 = twin.issuedBy(FakeCa.AMAZON_RSA_2048_M01).sends(ROOT_1_CHAIN).leadsTo(ROOT_1_ANCHORS);
        if (reason == null) {
            return underRoot1.build();
        }
        return switch (reason) {
            case EXPIRED -> underRoot1.leaf(leaf.validity(Duration.ofDays(-60), Duration.ofDays(30))).rejectedBecause(reason)
                    .build();
            case REVOKED -> underRoot1.rejectedBecause(reason).behaviour(ServerBehaviour.REVOKED_LEAF).build();
            case UNTRUSTED_ROOT -> Scenario.builder(twinId(endpoint)).description(description).leaf(leaf)
                    .issuedBy(FakeCa.UNTRUSTED_INTERMEDIATE).sends(FakeCa.UNTRUSTED_INTERMEDIATE).rejectedBecause(reason)
                    .build();
            default -> throw new IllegalStateException("no twin for a live endpoint expecting " + reason);
        };
    }
}
