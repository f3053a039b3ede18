package io.github.atstrust.cli;

import io.github.atstrust.testkit.live.LiveEndpoint;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Meets one live endpoint as a correct client would: Jetty's HTTP client (or an SMTP client for SES), the given
 * trust, SNI and host name check for the endpoint's own name even when {@link ConnectTo} sends the TCP
 * connection elsewhere; then judges verdict, reason, HTTP status and body against what the guide says.
 */
final class LiveProbe {

    /** What one endpoint did, and whether that is what the guide says a correct client sees. */
    record Result(LiveEndpoint endpoint, HandshakeOutcome outcome, int status, String body, String disagreement) {

        boolean agrees() {
            return disagreement == null;
        }
    }

    private LiveProbe() {
    }

    static Result check(LiveEndpoint endpoint, SSLContext trust, ConnectTo connectTo, Duration timeout) {
        InetSocketAddress target = connectTo.target(endpoint.host(), endpoint.port());
        String address = connectTo.describe(endpoint.host(), endpoint.port());
        if (endpoint.isMail()) {
            return judge(endpoint, HandshakeOutcome.of(() -> MailProbe.connect(endpoint, trust, target, timeout), address, false), 0, null);
        }
        int[] status = {0};
        String[] body = {null};
        HandshakeOutcome outcome = HandshakeOutcome.of(() -> {
            ContentResponse response = get(endpoint, trust, target, timeout);
            status[0] = response.getStatus();
            body[0] = response.getContentAsString();
            return response;
        }, address, false);
        return judge(endpoint, outcome, status[0], body[0]);
    }

    private static ContentResponse get(LiveEndpoint endpoint, SSLContext trust, InetSocketAddress target, Duration timeout)
            throws Exception {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        tls.setSslContext(trust);
        tls.setEndpointIdentificationAlgorithm("HTTPS");
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls);
        connector.setConnectTimeout(timeout);
        HttpClient http = new HttpClient(new HttpClientTransportOverHTTP(connector));
        http.setSocketAddressResolver((host, port, context, promise) -> promise.succeeded(List.of(target)));
        http.setFollowRedirects(false);
        http.start();
        try {
            return http.newRequest(endpoint.uri()).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).send();
        } finally {
            http.stop();
        }
    }

    private static Result judge(LiveEndpoint endpoint, HandshakeOutcome outcome, int status, String body) {
        String disagreement = null;
        if (outcome instanceof HandshakeOutcome.NoVerdict none) {
            disagreement = "no verdict: " + none.what();
        } else if (!endpoint.expected().isMetBy(outcome)) {
            disagreement = "expected " + endpoint.expected() + ", got " + outcome.rejectionReason()
                    .map(reason -> "reject (" + reason + ")").orElse("accept");
        } else if (outcome.accepted() && endpoint.expectedStatus() != 0 && status != endpoint.expectedStatus()) {
            disagreement = "HTTP " + status + " instead of " + endpoint.expectedStatus();
        } else if (outcome.accepted() && endpoint.expectedBody() != null && !endpoint.expectedBody().equals(body == null ? null : body.strip())) {
            disagreement = "body '" + abbreviate(body) + "' instead of '" + endpoint.expectedBody() + "'";
        }
        return new Result(endpoint, outcome, status, body, disagreement);
    }

    private static String abbreviate(String body) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
