package io.github.atstrust.testkit.server;

import io.github.atstrust.testkit.scenario.Expectation;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ServedChain;
import io.github.atstrust.testkit.trust.TrustProfile;
import java.net.URI;

/**
 * One running scenario server: where to connect and what it presents.
 *
 * <pre>HttpRequest request = HttpRequest.newBuilder(endpoint.uri()).build();</pre>
 *
 * @param hostname the name to connect to, {@code localhost} unless bound elsewhere
 * @param chain    the certificates this server presents, leaf first
 */
public record AtsEndpoint(Scenario scenario, String hostname, int port, ServedChain chain) {

    /** {@code https://<hostname>:<port>/}. */
    public URI uri() {
        return URI.create("https://" + hostname + ":" + port + "/");
    }

    public String id() {
        return scenario.id();
    }

    /** What a client trusting {@code profile} should do here. */
    public Expectation expectationFor(TrustProfile profile) {
        return scenario.expectationFor(profile);
    }
}
