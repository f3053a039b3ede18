package io.github.atstrust.examples;

import static io.github.atstrust.junit.AtsAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.scenario.ExpectedOutcome;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import java.time.Duration;
import java.util.Map;

/**
 * What the manifest of {@code ats serve} declares for a scenario and profile, the differences each non-JVM client is
 * known for (measured, reported), and the check of one tool's verdict and words against them.
 */
final class ManifestVerdicts {

    private ManifestVerdicts() {
    }

    /**
     * Go's {@code Certificate.Verify} checks the leaf's validity and host name before it builds a path, and names
     * a candidate issuer that cannot sign (CA:false, path length) when no path is found: those defects are what Go
     * reports even when none of its roots is on the chain's path. Measured, asserted, reported.
     */
    private static final java.util.Set<RejectionReason> GO_CHECKS_BEFORE_PATH_BUILDING = java.util.EnumSet.of(
            RejectionReason.EXPIRED, RejectionReason.NOT_YET_VALID, RejectionReason.HOSTNAME_MISMATCH,
            RejectionReason.NOT_A_CA, RejectionReason.PATH_LENGTH_EXCEEDED);

    /**
     * Go, finding no path to its anchors, names the error of a candidate it rejected: an expired cross-certificate
     * in the chain makes that EXPIRED where the others say UNTRUSTED_ROOT (Node agrees with the others here).
     *
     * <p>Node checks a chain in OpenSSL's "verify none" mode and reports the last error it met, so a chain with a
     * defect of its own is named by that defect even when no anchor of the client is on its path (every other
     * client says UNTRUSTED_ROOT there). The host name is Node's own check, after OpenSSL's: not affected.
     * Measured, asserted, and reported in the clients report.
     */
    static ExpectedOutcome expected(String client, JsonNode scenario, String profile) {
        ExpectedOutcome declared = expected(scenario, profile);
        if (client.equals("nss-tstclnt")) {
            return nss(scenario, profile, declared);
        }
        RejectionReason defect = ScenarioCatalogue.builtIn().byId(scenario.get("id").asText()).defect().orElse(null);
        boolean node = client.startsWith("node-") && defect != RejectionReason.HOSTNAME_MISMATCH;
        boolean go = client.equals("go-net-http") && GO_CHECKS_BEFORE_PATH_BUILDING.contains(defect);
        if ((node || go) && declared.reason() == RejectionReason.UNTRUSTED_ROOT && defect != null) {
            ClientsReport.note("reason differs from the declared one", client, scenario.get("id").asText() + " under "
                    + profile + ": " + defect + " (the chain's own defect) where the others say UNTRUSTED_ROOT");
            return ExpectedOutcome.reject(defect);
        }
        boolean sendsExpiredCrossCertificate = ScenarioCatalogue.builtIn().byId(scenario.get("id").asText())
                .anchorsBehindDefect().containsValue(RejectionReason.EXPIRED);
        if (client.equals("go-net-http") && sendsExpiredCrossCertificate
                && declared.reason() == RejectionReason.UNTRUSTED_ROOT) {
            ClientsReport.note("reason differs from the declared one", client, scenario.get("id").asText() + " under "
                    + profile + ": EXPIRED (the expired cross-certificate it tried) where the others say UNTRUSTED_ROOT");
            return ExpectedOutcome.reject(RejectionReason.EXPIRED);
        }
        return declared;
    }

    /**
     * NSS as {@code tstclnt} verifies (classic {@code CERT_VerifyCert}): it checks each certificate's own validity,
     * key usage and path length while it walks up the chain, before it looks for trust, so a chain's own defect is
     * named even when no anchor of the client is on its path (as Node does); it words a not-yet-valid certificate as
     * expired ({@code SEC_ERROR_EXPIRED_CERTIFICATE}); it never takes a CA:false certificate as an issuer, so a chain
     * through one has an unknown issuer; and a self-signed leaf is its own issuer, an invalid CA
     * ({@code SEC_ERROR_CA_CERT_INVALID}). Measured on NSS 3.87, asserted, reported. Verdicts agree everywhere.
     */
    private static ExpectedOutcome nss(JsonNode scenario, String profile, ExpectedOutcome declared) {
        if (declared.accepts()) {
            return declared;
        }
        var definition = ScenarioCatalogue.builtIn().byId(scenario.get("id").asText());
        RejectionReason defect = definition.defect().orElse(null);
        RejectionReason reason = declared.reason();
        String why = null;
        if (definition.leafIssuer().isEmpty()) {
            reason = RejectionReason.NOT_A_CA;
            why = "a self-signed leaf is its own issuer, and no CA (SEC_ERROR_CA_CERT_INVALID)";
        } else if (defect == RejectionReason.NOT_A_CA) {
            reason = RejectionReason.UNTRUSTED_ROOT;
            why = "NSS never takes a CA:false certificate as an issuer: the issuer is unknown";
        } else if (defect == RejectionReason.NOT_YET_VALID) {
            reason = RejectionReason.EXPIRED;
            why = "NSS words a certificate not yet valid as expired (SEC_ERROR_EXPIRED_CERTIFICATE)";
        } else if (reason == RejectionReason.UNTRUSTED_ROOT && defect != null && defect != RejectionReason.HOSTNAME_MISMATCH) {
            reason = defect;
            why = "the chain's own defect, met walking up before trust is looked for";
        } else if (reason == RejectionReason.UNTRUSTED_ROOT
                && definition.anchorsBehindDefect().containsValue(RejectionReason.EXPIRED)) {
            reason = RejectionReason.EXPIRED;
            why = "the expired cross-certificate, met walking up (SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE)";
        }
        if (why != null && reason != declared.reason()) {
            ClientsReport.note("reason differs from the declared one", "nss-tstclnt", scenario.get("id").asText()
                    + " under " + profile + ": " + reason + " where the others say " + declared.reason() + ": " + why);
        }
        return ExpectedOutcome.reject(reason);
    }

    /** The manifest's expectation and, for a rejection, its declared reason. */
    static ExpectedOutcome expected(JsonNode scenario, String profile) {
        return scenario.get("expect").get(profile).asText().equals("accept") ? ExpectedOutcome.accept()
                : ExpectedOutcome.reject(RejectionReason.valueOf(scenario.get("reasons").get(profile).asText()));
    }

    /** The manifest's expectation for a client with {@code setting} (its {@code underSettings}), e.g. {@code x509-strict}. */
    static ExpectedOutcome expectedUnder(String setting, JsonNode scenario, String profile) {
        JsonNode under = scenario.get("underSettings").get(setting);
        return under.get("expect").get(profile).asText().equals("accept") ? ExpectedOutcome.accept()
                : ExpectedOutcome.reject(RejectionReason.valueOf(under.get("reasons").get(profile).asText()));
    }

    /** Judges what the tool said (exit code and words) and checks verdict and reason against the manifest. */
    static void verify(String client, JsonNode scenario, String profile, int exitCode, String words, Duration elapsed) {
        verify(client, scenario, profile, expected(client, scenario, profile), exitCode, words, elapsed);
    }

    /** The client setting each client is judged under (the strict clients'), as the manifest's underSettings names it. */
    private static final Map<String, String> SETTINGS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Says that {@code client} is judged by the manifest's table under {@code setting}, e.g. {@code x509-strict}. */
    static void judgedUnder(String client, String setting) {
        SETTINGS.put(client, setting);
    }

    /** The table's outcome for the client: the manifest's, under the client's setting if it has one. */
    static ExpectedOutcome declared(String client, JsonNode scenario, String profile) {
        String setting = SETTINGS.get(client);
        return setting == null ? expected(scenario, profile) : expectedUnder(setting, scenario, profile);
    }

    /** How the report and the test names write a refusal whose reason the client does not name. */
    static final String UNNAMED_REJECTION = "reject (no reason named)";

    /**
     * Checks a refusal by a client known to name no reason for it: rejected, and classified {@code OTHER} because the
     * words name nothing more specific (a reason they did name would be a finding, and fails).
     */
    static void verifyUnnamedRejection(String client, JsonNode scenario, String profile, int exitCode, String words,
                                       Duration elapsed) {
        String id = scenario.get("id").asText();
        HandshakeOutcome outcome = HandshakeOutcome.ofCommand(exitCode, words, elapsed,
                "localhost:" + scenario.get("port").asInt(), ScenarioCatalogue.builtIn().byId(id).sendsIncompleteChain());
        boolean unnamed = outcome.rejectionReason().filter(RejectionReason.OTHER::equals).isPresent();
        ClientsReport.row(client, id, profile, declared(client, scenario, profile).toString(), UNNAMED_REJECTION, outcome, unnamed);
        assertThat(unnamed).as("%s: %s under %s is refused naming no reason: %s", client, id, profile, outcome).isTrue();
    }

    /** {@link #verify(String, JsonNode, String, int, String, Duration)} against a given expectation. */
    static void verify(String client, JsonNode scenario, String profile, ExpectedOutcome expected, int exitCode,
                       String words, Duration elapsed) {
        String id = scenario.get("id").asText();
        HandshakeOutcome outcome = HandshakeOutcome.ofCommand(exitCode, words, elapsed,
                "localhost:" + scenario.get("port").asInt(), ScenarioCatalogue.builtIn().byId(id).sendsIncompleteChain());
        ClientsReport.row(client, id, profile, declared(client, scenario, profile), expected, outcome);
        assertThat(outcome).as("%s: %s under %s", client, id, profile).matches(expected);
    }
}
