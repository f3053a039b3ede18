package io.github.atstrust.testkit.live;

import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.scenario.ExpectedOutcome;
import io.github.atstrust.testkit.scenario.ClientSetting;
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
 * <p>Addresses are {@code https://…}, or for the SES SMTP interface {@code smtp://HOST:PORT} (STARTTLS) and
 * {@code smtps://HOST:PORT} (TLS from the first byte); those require an SMTP client ({@code requires} names
 * {@code smtp}). A TLS acceptance followed by an HTTP error status is an acceptance.
 *
 * @param id             a stable id, e.g. {@code dynamodb-eu-west-3}
 * @param uri            the address the guide names
 * @param expected       the verdict, and the reason of a rejection
 * @param expectedStatus the HTTP status the guide says a correct client gets, or 0 when it names none
 * @param expectedBody   the exact body the endpoint answers, or {@code null} when the guide names none
 * @param requires     client settings the expectation depends on, as for scenarios (e.g. revocation checking)
 * @param description  what the guide says the endpoint is for
 */
public record LiveEndpoint(String id, URI uri, ExpectedOutcome expected, int expectedStatus, String expectedBody,
                           Set<ClientSetting> requires,
                           String description) {

    private static final List<LiveEndpoint> ALL = create();

    /**
     * Checks the endpoint names an id, an address and an expectation, and copies the settings.
     *
     * @param id             a stable id
     * @param uri            the address
     * @param expected       the verdict, and the reason of a rejection
     * @param expectedStatus the HTTP status, or 0
     * @param expectedBody   the exact body, or {@code null}
     * @param requires       client settings the expectation depends on
     * @param description    what the endpoint is for
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
     * @return the port of {@link #uri()}, else 443 for {@code https} and 465 for {@code smtps}
     */
    public int port() {
        return uri.getPort() != -1 ? uri.getPort() : "smtps".equals(uri.getScheme()) ? 465 : 443;
    }

    /**
     * Whether this is an SES SMTP endpoint ({@code smtp://} with STARTTLS, or {@code smtps://}).
     *
     * @return {@code true} for mail, {@code false} for HTTPS
     */
    public boolean isMail() {
        return uri.getScheme().startsWith("smtp");
    }

    private static List<LiveEndpoint> create() {
        List<LiveEndpoint> endpoints = new ArrayList<>();
        endpoints.add(good("dynamodb-eu-west-3", "https://dynamodb.eu-west-3.amazonaws.com/", 200,
                "healthy: dynamodb.eu-west-3.amazonaws.com", "DynamoDB test endpoint of the ATS migration guide"));
        endpoints.add(good("dynamodb-streams-eu-west-3", "https://streams.dynamodb.eu-west-3.amazonaws.com/", 200,
                "healthy: streams.dynamodb.eu-west-3.amazonaws.com", "DynamoDB Streams test endpoint"));
        endpoints.add(good("s3-ats-migration-test", "https://s3-ats-migration-test.s3.eu-west-3.amazonaws.com/test.jpg",
                200, null, "S3 test object of the ATS migration guide"));
        for (String region : List.of("eu-west-3", "eu-north-1", "me-south-1", "ap-northeast-3", "ap-east-1", "us-gov-east-1")) {
            endpoints.add(good("s3-" + region, "https://s3." + region + ".amazonaws.com/", 0, null,
                    "regional S3 endpoint the S3 guide names (" + region + ")"));
        }
        for (String region : List.of("na", "eu", "fe")) {
            endpoints.add(good("alexa-" + region, "https://alexa." + region + ".gateway.devices.a2z.com/", 0, null,
                    "Alexa Voice Service gateway (" + region.toUpperCase(java.util.Locale.ROOT) + ")"));
            endpoints.add(good("alexa-legacy-" + region, "https://avs-alexa-" + region + ".amazon.com/", 0, null,
                    "legacy Alexa Voice Service URL (" + region.toUpperCase(java.util.Locale.ROOT)
                            + "), the host of the Alexa guide's openssl check"));
        }
        for (int n = 0; n <= 4; n++) {
            String anchor = n == 0 ? "Starfield Services Root CA G2" : "Amazon Root CA " + n;
            endpoints.add(good("good-sca" + n + "a", "https://good.sca" + n + "a.amazontrust.com/", 0, null,
                    "valid certificate under " + anchor));
            endpoints.add(new LiveEndpoint("expired-sca" + n + "a", URI.create("https://expired.sca" + n + "a.amazontrust.com/"),
                    ExpectedOutcome.reject(RejectionReason.EXPIRED), 0, null, Set.of(), "expired certificate under " + anchor));
            endpoints.add(new LiveEndpoint("revoked-sca" + n + "a", URI.create("https://revoked.sca" + n + "a.amazontrust.com/"),
                    ExpectedOutcome.reject(RejectionReason.REVOKED), 0, null, Set.of(ClientSetting.REVOCATION_CHECKING),
                    "revoked certificate under " + anchor));
        }
        endpoints.add(new LiveEndpoint("untrusted-root-badssl", URI.create("https://untrusted-root.badssl.com/"),
                ExpectedOutcome.reject(RejectionReason.UNTRUSTED_ROOT), 0, null, Set.of(), "what an untrusted root looks like"));
        endpoints.add(new LiveEndpoint("ses-smtp-us-east-1-starttls", URI.create("smtp://email-smtp.us-east-1.amazonaws.com:587"),
                ExpectedOutcome.accept(), 0, null, Set.of(ClientSetting.SMTP),
                "SES SMTP interface, STARTTLS on port 587 (also 25 and 2587)"));
        endpoints.add(new LiveEndpoint("ses-smtp-us-east-1-tls", URI.create("smtps://email-smtp.us-east-1.amazonaws.com:465"),
                ExpectedOutcome.accept(), 0, null, Set.of(ClientSetting.SMTP),
                "SES SMTP interface, TLS wrapper mode on port 465 (also 2465)"));
        return List.copyOf(endpoints);
    }

    private static LiveEndpoint good(String id, String uri, int status, String body, String description) {
        return new LiveEndpoint(id, URI.create(uri), ExpectedOutcome.accept(), status, body, Set.of(), description);
    }
}
