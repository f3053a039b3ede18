package io.github.atstrust.testkit.live;

import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.scenario.ExpectedOutcome;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A real endpoint from the AWS migration guides, with what a correctly configured client should see there.
 * Never contacted by the kit unless the user opts in to live tests.
 *
 * <pre>LiveEndpoint dynamo = LiveEndpoint.byId("dynamodb-eu-west-3");</pre>
 *
 * @param id           a stable id, e.g. {@code dynamodb-eu-west-3}
 * @param uri          the HTTPS address the guide names
 * @param expected     the verdict, and the reason of a rejection
 * @param expectedBody the exact body the endpoint answers, or {@code null} when the guide names none
 * @param requires     client settings the expectation depends on, as for scenarios (e.g. revocation checking)
 * @param description  what the guide says the endpoint is for
 */
public record LiveEndpoint(String id, URI uri, ExpectedOutcome expected, String expectedBody, Set<String> requires,
                           String description) {

    private static final List<LiveEndpoint> ALL = create();

    /**
     * Checks the endpoint names an id, an address and an expectation, and copies the settings.
     *
     * @param id           a stable id
     * @param uri          the HTTPS address
     * @param expected     the verdict, and the reason of a rejection
     * @param expectedBody the exact body, or {@code null}
     * @param requires     client settings the expectation depends on
     * @param description  what the endpoint is for
     */
    public LiveEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(expected, "expected");
        requires = Set.copyOf(requires);
    }

    /**
     * Every endpoint the guides name, and the known-bad {@code untrusted-root.badssl.com}.
     *
     * @return the endpoints, in a stable order
     */
    public static List<LiveEndpoint> all() {
        return ALL;
    }

    /**
     * The endpoint with this id.
     *
     * @param id an id of {@link #all()}
     * @return the endpoint
     * @throws IllegalArgumentException listing the valid ids when there is none
     */
    public static LiveEndpoint byId(String id) {
        return ALL.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown live endpoint '" + id + "'; valid ids: " + ids()));
    }

    /**
     * The valid ids, for messages.
     *
     * @return the ids, comma-separated
     */
    public static String ids() {
        return ALL.stream().map(LiveEndpoint::id).collect(Collectors.joining(", "));
    }

    /**
     * The host to connect to.
     *
     * @return the host of {@link #uri()}
     */
    public String host() {
        return uri.getHost();
    }

    /**
     * The port to connect to.
     *
     * @return the port of {@link #uri()}, 443 when it names none
     */
    public int port() {
        return uri.getPort() == -1 ? 443 : uri.getPort();
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
                    ExpectedOutcome.reject(RejectionReason.EXPIRED), null, Set.of(), "expired certificate under " + anchor));
            endpoints.add(new LiveEndpoint("revoked-sca" + n + "a", URI.create("https://revoked.sca" + n + "a.amazontrust.com/"),
                    ExpectedOutcome.reject(RejectionReason.REVOKED), null, Set.of(ScenarioCatalogue.REVOCATION_CHECKING),
                    "revoked certificate under " + anchor));
        }
        endpoints.add(new LiveEndpoint("untrusted-root-badssl", URI.create("https://untrusted-root.badssl.com/"),
                ExpectedOutcome.reject(RejectionReason.UNTRUSTED_ROOT), null, Set.of(), "what an untrusted root looks like"));
        return List.copyOf(endpoints);
    }

    private static LiveEndpoint good(String id, String uri, String body, String description) {
        return new LiveEndpoint(id, URI.create(uri), ExpectedOutcome.accept(), body, Set.of(), description);
    }
}
