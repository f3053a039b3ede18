package io.github.atstrust.junit;

import io.github.atstrust.testkit.audit.AuditReport;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.server.AtsServers;
import io.github.atstrust.testkit.trust.TrustProfile;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.util.List;

/**
 * Everything {@link RequiresAtsTrust} set up for a test: the running scenario endpoints, the built-in trust
 * profiles, and the mirror of the audited trust store.
 *
 * <pre>
 * var http = HttpClient.newBuilder().sslContext(ats.mirrored().sslContext()).build();
 * var response = http.send(HttpRequest.newBuilder(ats.endpoint("ats-root-ca-1").uri()).build(), ofString());
 * </pre>
 */
public final class AtsEnvironment {

    private final ServedScenarios run;
    private final TrustProfile mirrored;
    private final AuditReport audit;

    AtsEnvironment(ServedScenarios run, TrustProfile mirrored, AuditReport audit) {
        this.run = run;
        this.mirrored = mirrored;
        this.audit = audit;
    }

    /**
     * Starts the servers of every scenario (once per run: later calls, from any class, get the same) and returns their
     * endpoints. A test that needs one scenario asks {@link #endpoint(String)} instead, which starts only that one.
     *
     * @return every endpoint, in catalogue order
     */
    public List<AtsEndpoint> startAll() {
        return run.all().endpoints();
    }

    /** {@return the scenarios this environment serves: the built-in ones unless {@link RequiresAtsTrust#scenarios()} says} */
    public ScenarioCatalogue scenarios() {
        return run.catalogue();
    }

    /**
     * The endpoint of one scenario.
     *
     * @param scenarioId e.g. {@code untrusted-root}
     * @return the running endpoint
     * @throws IllegalArgumentException listing the valid ids
     */
    public AtsEndpoint endpoint(String scenarioId) {
        return run.endpoint(scenarioId);
    }

    /**
     * The STARTTLS mail server of a scenario served over SMTP ({@code Scenario.servedOverSmtp()}). Mail servers run when
     * {@code com.github.davidmoten:subethasmtp} and Jakarta Mail are on the test classpath (or the configuration
     * parameter {@code ats.mail=true} says so).
     *
     * @param scenarioId e.g. {@code ats-root-ca-1}
     * @return the endpoint, {@code smtp://localhost:PORT}
     * @throws IllegalArgumentException naming the mail scenarios, or saying how to turn mail on
     */
    public AtsEndpoint smtp(String scenarioId) {
        return run.smtp(scenarioId);
    }

    /**
     * The TLS wrapper mode mail server of a mail scenario, as {@link #smtp(String)}.
     *
     * @param scenarioId e.g. {@code ats-root-ca-1}
     * @return the endpoint, {@code smtps://localhost:PORT}
     * @throws IllegalArgumentException naming the mail scenarios, or saying how to turn mail on
     */
    public AtsEndpoint smtps(String scenarioId) {
        return run.smtps(scenarioId);
    }

    /** {@return the built-in profiles} */
    public List<TrustProfile> profiles() {
        return TrustProfiles.builtIn();
    }

    /**
     * A built-in profile, or {@code mirrored}.
     *
     * @param id e.g. {@code all-ats}, {@code starfield-class-2} or {@code mirrored}
     * @return the profile
     * @throws IllegalArgumentException listing the valid ids
     */
    public TrustProfile profile(String id) {
        if (TrustProfile.MIRRORED.equals(id)) {
            return mirrored;
        }
        try {
            return TrustProfiles.byId(id);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(unknown.getMessage() + ", " + TrustProfile.MIRRORED, unknown);
        }
    }

    /** {@return the audited trust store with each real ATS anchor swapped for its fake twin: production trust, fake chains} */
    public TrustProfile mirrored() {
        return mirrored;
    }

    /** {@return the audit of the trust store named by {@link RequiresAtsTrust}} */
    public AuditReport audit() {
        return audit;
    }

    /**
     * The plain-HTTP index page of the servers of every scenario (also the base of their CRL and OCSP URLs).
     *
     * @return the index
     * @throws IllegalStateException when they have not been started: call {@link #startAll()} first
     */
    public java.net.URI indexUri() {
        AtsServers all = run.allIfRunning();
        if (all == null) {
            throw new IllegalStateException("the servers of every scenario are not running: call startAll() first "
                    + "(indexUri() starts nothing)");
        }
        return all.indexUri();
    }
}
