package io.github.atstrust.testkit.live;

import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.scenario.Expectation;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The real endpoints the AWS documents point at for checking ATS trust, and the known-bad one.
 *
 * <pre>LiveEndpoint dynamo = LiveEndpoints.byId("dynamodb-eu-west-3");</pre>
 */
public final class LiveEndpoints {

    private static final List<LiveEndpoint> ALL = create();

    private LiveEndpoints() {
    }

    public static List<LiveEndpoint> all() {
        return ALL;
    }

    /**
     * The endpoint with this id.
     *
     * @throws IllegalArgumentException listing the valid ids when there is none
     */
    public static LiveEndpoint byId(String id) {
        return ALL.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown live endpoint '" + id + "'; valid ids: " + ids()));
    }

    public static String ids() {
        return ALL.stream().map(LiveEndpoint::id).collect(Collectors.joining(", "));
    }

    private static List<LiveEndpoint> create() {
        List<LiveEndpoint> endpoints = new ArrayList<>();
        endpoints.add(good("dynamodb-eu-west-3", "https://dynamodb.eu-west-3.amazonaws.com/",
                "healthy: dynamodb.eu-west-3.amazonaws.com", "DynamoDB test endpoint of the ATS migration guide"));
        endpoints.add(good("dynamodb-streams-eu-west-3", "https://streams.dynamodb.eu-west-3.amazonaws.com/",
                "healthy: streams.dynamodb.eu-west-3.amazonaws.com", "DynamoDB Streams test endpoint"));
        endpoints.add(good("s3-ats-migration-test", "https://s3-ats-migration-test.s3.eu-west-3.amazonaws.com/test.jpg",
                null, "S3 test object of the ATS migration guide"));
        for (String region : List.of("na", "eu", "fe")) {
            endpoints.add(good("alexa-" + region, "https://alexa." + region + ".gateway.devices.a2z.com/", null,
                    "Alexa Voice Service gateway (" + region.toUpperCase() + ")"));
        }
        for (int n = 0; n <= 4; n++) {
            String anchor = n == 0 ? "Starfield Services Root CA G2" : "Amazon Root CA " + n;
            endpoints.add(good("good-sca" + n + "a", "https://good.sca" + n + "a.amazontrust.com/", null,
                    "valid certificate under " + anchor));
            endpoints.add(new LiveEndpoint("expired-sca" + n + "a", URI.create("https://expired.sca" + n + "a.amazontrust.com/"),
                    Expectation.REJECT, RejectionReason.EXPIRED, null, Set.of(), "expired certificate under " + anchor));
            endpoints.add(new LiveEndpoint("revoked-sca" + n + "a", URI.create("https://revoked.sca" + n + "a.amazontrust.com/"),
                    Expectation.REJECT, RejectionReason.REVOKED, null, Set.of(ScenarioCatalogue.REVOCATION_CHECKING),
                    "revoked certificate under " + anchor));
        }
        endpoints.add(new LiveEndpoint("untrusted-root-badssl", URI.create("https://untrusted-root.badssl.com/"),
                Expectation.REJECT, RejectionReason.UNTRUSTED_ROOT, null, Set.of(), "what an untrusted root looks like"));
        return List.copyOf(endpoints);
    }

    private static LiveEndpoint good(String id, String uri, String body, String description) {
        return new LiveEndpoint(id, URI.create(uri), Expectation.ACCEPT, null, body, Set.of(), description);
    }
}
