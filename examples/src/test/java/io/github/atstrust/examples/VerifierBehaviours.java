package io.github.atstrust.examples;

import static io.github.atstrust.testkit.pki.FakeCa.STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2;
import static io.github.atstrust.testkit.pki.FakeCa.STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2_EXPIRED;
import static io.github.atstrust.testkit.probe.RejectionReason.EXPIRED;
import static io.github.atstrust.testkit.probe.RejectionReason.HOSTNAME_MISMATCH;
import static io.github.atstrust.testkit.probe.RejectionReason.NOT_A_CA;
import static io.github.atstrust.testkit.probe.RejectionReason.NOT_YET_VALID;
import static io.github.atstrust.testkit.probe.RejectionReason.PATH_LENGTH_EXCEEDED;
import static io.github.atstrust.testkit.probe.RejectionReason.UNTRUSTED_ROOT;
import static io.github.atstrust.testkit.probe.RejectionReason.WRONG_EXTENDED_KEY_USAGE;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.scenario.ExpectedOutcome;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What each independent verifier of {@link IndependentVerifiersTest} is known to do where it differs from the
 * declared table, each difference with its cause (the library's path building, flags or words): measured on
 * Debian 12's GnuTLS 3.7.9, wget 1.21.3, mbedTLS 2.28.3, wolfSSL 5.5.4, rustls 0.20.8 / webpki 0.22 and Firefox ESR
 * 153 ({@link FirefoxTest}), asserted here, and reported in the clients report. Botan 2.19 agrees with the table
 * everywhere.
 */
final class VerifierBehaviours {

    private static final Set<String> GNUTLS = Set.of("gnutls-cli", "wget");

    /** One case: the scenario's definition, the profile, and what the table declares for it. */
    private record Case(Scenario scenario, String profile, ExpectedOutcome declared) {

        boolean declares(RejectionReason reason) {
            return !declared.accepts() && declared.reason() == reason;
        }

        boolean hasDefect(RejectionReason reason) {
            return scenario.defect().filter(reason::equals).isPresent();
        }

        boolean holds(FakeCa anchor) {
            return profile.equals("all-ats") || profile.equals(anchor.id());
        }

        /** The profile holds an anchor the chain reaches only over an expired cross-certificate. */
        boolean holdsAnchorBehindExpiredCross() {
            return scenario.anchorsBehindDefect().entrySet().stream()
                    .anyMatch(e -> e.getValue() == EXPIRED && holds(e.getKey()));
        }

        boolean sendsExpiredCross() {
            return scenario.anchorsBehindDefect().containsValue(EXPIRED);
        }
    }

    /**
     * A known behaviour: the clients it belongs to, the cases it covers, what they do (empty: refuse naming no
     * reason), and why.
     */
    private record Behaviour(Set<String> clients, Predicate<Case> covers, Function<Case, Optional<ExpectedOutcome>> outcome,
                             String why) {
    }

    private static Behaviour of(Set<String> clients, Predicate<Case> covers, Function<Case, Optional<ExpectedOutcome>> outcome,
                                String why) {
        return new Behaviour(clients, covers, outcome, why);
    }

    private static Behaviour of(String client, Predicate<Case> covers, Function<Case, Optional<ExpectedOutcome>> outcome,
                                String why) {
        return new Behaviour(Set.of(client), covers, outcome, why);
    }

    private static Function<Case, Optional<ExpectedOutcome>> named(RejectionReason reason) {
        return c -> Optional.of(ExpectedOutcome.reject(reason));
    }

    private static final Function<Case, Optional<ExpectedOutcome>> ACCEPTED = c -> Optional.of(ExpectedOutcome.accept());
    /** Refused for the chain's own defect. */
    private static final Function<Case, Optional<ExpectedOutcome>> OWN_DEFECT =
            c -> Optional.of(ExpectedOutcome.reject(c.scenario().defect().orElseThrow()));
    private static final Function<Case, Optional<ExpectedOutcome>> UNNAMED = c -> Optional.empty();

    private static Predicate<Case> ownDefectWithoutAnchor(RejectionReason defect) {
        return c -> c.declares(UNTRUSTED_ROOT) && c.hasDefect(defect);
    }

    /**
     * A store of one Amazon root meeting a chain served up to G2's cross by Class 2, whose verdict or reason the table
     * owes to that root: GnuTLS never finds it ({@link #GNUTLS_TOP}).
     */
    private static boolean gnutlsCannotReachTheAmazonRoot(Case c) {
        return c.profile().startsWith("amazon-root-ca-") && !c.declares(UNTRUSTED_ROOT)
                && (c.scenario().sentAfterLeaf().contains(STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2)
                || c.scenario().sentAfterLeaf().contains(STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2_EXPIRED));
    }

    /** {@code intermediates-out-of-order} under a store it reaches only over the cross served ahead of the intermediate. */
    private static boolean issuerServedBeforeItsSubjectIsNeeded(Case c) {
        return c.scenario().id().equals("intermediates-out-of-order") && c.declared.accepts()
                && !c.profile().startsWith("amazon-root-ca-") && !c.profile().equals("all-ats");
    }

    private static final String GNUTLS_TOP = "GnuTLS does not build around a cross-signed chain: it sorts the served "
            + "list and looks for anchors only under two names, the top certificate's issuer and the top certificate "
            + "itself (lib/x509/verify-high.c), cutting the list where a certificate has an anchor's name and key; a "
            + "store of only this Amazon root is never consulted for a chain served up to G2's cross by Starfield "
            + "Class 2 (the pre-2024 shape), while the 2024 ACM shape, whose top is the Amazon root cross-signed by G2, "
            + "finds it";

    /** In order: the first behaviour covering a case decides it. */
    private static final List<Behaviour> BEHAVIOURS = List.of(
            // git over libcurl-gnutls: curl words a failed GnuTLS verification only "server certificate
            // verification failed", and checks the name itself once the chain has verified
            of("git", c -> !c.declared.accepts() && c.hasDefect(WRONG_EXTENDED_KEY_USAGE) && !c.declares(UNTRUSTED_ROOT)
                    && !gnutlsCannotReachTheAmazonRoot(c), ACCEPTED, "curl's GnuTLS backend asks GnuTLS for no purpose "
                    + "(gnutls_certificate_verify_peers2): a leaf without serverAuth is accepted"),
            of("git", c -> c.declares(HOSTNAME_MISMATCH) && !gnutlsCannotReachTheAmazonRoot(c), OWN_DEFECT,
                    "curl checks the name itself after GnuTLS has verified the chain, and names it"),
            of("git", c -> !c.declared.accepts() || gnutlsCannotReachTheAmazonRoot(c)
                    || c.scenario().id().equals("extra-unrelated-certificate") && c.profile().equals("starfield-services-root-g2"),
                    UNNAMED, "curl words every failed GnuTLS verification \"server certificate verification failed\"; "
                            + "the verdicts are GnuTLS's (a single Amazon root is not found behind the Class 2 cross)"),
            // GnuTLS (gnutls-cli, wget)
            of("gnutls-cli", c -> !c.declared.accepts() && (c.hasDefect(WRONG_EXTENDED_KEY_USAGE)
                    || c.hasDefect(HOSTNAME_MISMATCH)), OWN_DEFECT, "gnutls-cli checks the leaf's name and purpose whatever "
                    + "the trust and prints every failure: the leaf's own defect is named"),
            of("wget", c -> !c.declared.accepts() && (c.hasDefect(EXPIRED) || c.hasDefect(NOT_YET_VALID)
                    || c.hasDefect(HOSTNAME_MISMATCH)), OWN_DEFECT, "wget checks the leaf's dates and name itself, whatever "
                    + "the trust, and names them"),
            of("gnutls-cli", c -> gnutlsCannotReachTheAmazonRoot(c) && c.sendsExpiredCross(),
                    named(EXPIRED), GNUTLS_TOP + "; the expired cross-certificate is named, as GnuTLS "
                            + "checks the dates of the served CA certificates before trust"),
            of(GNUTLS, VerifierBehaviours::gnutlsCannotReachTheAmazonRoot, named(UNTRUSTED_ROOT), GNUTLS_TOP),
            of(GNUTLS, c -> c.scenario().id().equals("extra-unrelated-certificate")
                    && c.profile().equals("starfield-services-root-g2"), named(UNTRUSTED_ROOT),
                    "measured, cause not found in GnuTLS's source: certtool --verify shows GnuTLS judging the "
                            + "unrelated certificate as the top of the chain under G2 (its issuer is unknown), while under "
                            + "Starfield Class 2 it stops at G2's cross and accepts"),
            of("gnutls-cli", c -> c.declares(UNTRUSTED_ROOT) && c.sendsExpiredCross(), named(EXPIRED),
                    "GnuTLS checks the dates of the served CA certificates before it looks for trust"),
            of("wget", c -> c.hasDefect(WRONG_EXTENDED_KEY_USAGE) && !c.declares(UNTRUSTED_ROOT), ACCEPTED,
                    "wget asks GnuTLS for no purpose (gnutls_certificate_verify_peers2): a leaf without serverAuth "
                            + "is accepted"),
            of("wget", c -> c.declares(PATH_LENGTH_EXCEEDED) || c.declares(EXPIRED) && c.holdsAnchorBehindExpiredCross(),
                    UNNAMED, "wget words only \"is not trusted\": GnuTLS's flag for a "
                            + "signer's constraint or an expired issuer is not one wget names"),
            // mbedTLS
            of("mbedtls", VerifierBehaviours::issuerServedBeforeItsSubjectIsNeeded,
                    named(UNTRUSTED_ROOT), "mbedTLS looks for a certificate's issuer among its "
                            + "anchors and the certificates served after it, never before: the cross-certificate served "
                            + "ahead of the intermediate is not found, so only a store holding the Amazon root succeeds"),
            of("mbedtls", c -> c.declares(UNTRUSTED_ROOT) && c.sendsExpiredCross(), named(EXPIRED),
                    "mbedTLS checks each served certificate's dates as it walks up and reports them with the missing "
                            + "anchor; the expired cross-certificate is named"),
            of("mbedtls", c -> ownDefectWithoutAnchor(EXPIRED).or(ownDefectWithoutAnchor(NOT_YET_VALID))
                    .or(ownDefectWithoutAnchor(WRONG_EXTENDED_KEY_USAGE)).or(ownDefectWithoutAnchor(HOSTNAME_MISMATCH))
                    .test(c), OWN_DEFECT, "mbedTLS collects every verification flag (dates, key usage, name) with the "
                    + "missing anchor; the leaf's own defect is named"),
            // wolfSSL
            of("wolfssl", c -> c.declared.accepts() && c.holdsAnchorBehindExpiredCross(), named(EXPIRED),
                    "wolfSSL verifies every CA certificate the server presents; WOLFSSL_ALT_CERT_CHAINS (on in "
                            + "Debian's build) forgives only a presented CA with no signer (src/internal.c): an expired "
                            + "cross-certificate whose issuer the store holds fails the handshake (ASN_AFTER_DATE_E), "
                            + "although the store also holds the Amazon root the shorter path reaches; a store of only "
                            + "the Amazon root finds no signer for the cross, skips it, and succeeds"),
            of("wolfssl", VerifierBehaviours::issuerServedBeforeItsSubjectIsNeeded,
                    named(UNTRUSTED_ROOT), "wolfSSL verifies the served CA certificates from the last "
                            + "one down, each becoming a CA for those before it: a cross-certificate served ahead of its "
                            + "subject is checked before its own issuer is known (ASN_NO_SIGNER_E)"),
            of("wolfssl", c -> c.declares(EXPIRED) && c.holdsAnchorBehindExpiredCross(), named(UNTRUSTED_ROOT),
                    "the expired cross-certificate is skipped as a CA, and wolfSSL reports the leaf's error: no "
                            + "signer (ASN_NO_SIGNER_E)"),
            // rustls (webpki)
            of("rustls", c -> c.declares(EXPIRED) && c.holdsAnchorBehindExpiredCross(), named(UNTRUSTED_ROOT),
                    "webpki reports UnknownIssuer when no path is found, whichever candidate issuer failed"),
            of("rustls", c -> ownDefectWithoutAnchor(EXPIRED).or(ownDefectWithoutAnchor(NOT_YET_VALID))
                    .or(ownDefectWithoutAnchor(WRONG_EXTENDED_KEY_USAGE)).test(c), OWN_DEFECT, "webpki checks the leaf's "
                    + "own validity and EKU before it builds a path; the leaf's own defect is named"),
            // Firefox ESR (mozilla::pkix)
            of("firefox-esr", c -> c.declares(UNTRUSTED_ROOT) && c.sendsExpiredCross(), named(EXPIRED),
                    "mozilla::pkix, finding no trusted path, reports the error of the candidate issuer it tried last: "
                            + "the expired cross-certificate (SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE)"),
            of("firefox-esr", c -> c.declares(UNTRUSTED_ROOT) && (c.hasDefect(NOT_A_CA) || c.hasDefect(PATH_LENGTH_EXCEEDED)),
                    OWN_DEFECT, "mozilla::pkix, finding no trusted path, reports the error of the candidate issuer it "
                            + "tried: the CA:false or path-exhausted intermediate"),
            // mbedTLS, wolfSSL, rustls: no path through a certificate that cannot issue
            of(Set.of("mbedtls", "wolfssl", "rustls"), c -> c.declares(NOT_A_CA) || c.declares(PATH_LENGTH_EXCEEDED),
                    named(UNTRUSTED_ROOT), "a CA:false certificate, or one whose path length is used "
                            + "up, is never taken as an issuer: no issuer is found"));

    private VerifierBehaviours() {
    }

    /**
     * The expectation for {@code client}: the verifier's known behaviour where it has one, else the declared one;
     * empty where the client refuses naming no reason.
     */
    static Optional<ExpectedOutcome> expected(String client, JsonNode scenario, String profile, ExpectedOutcome declared) {
        Case c = new Case(ScenarioCatalogue.builtIn().byId(scenario.get("id").asText()), profile, declared);
        for (Behaviour behaviour : BEHAVIOURS) {
            if (behaviour.clients().contains(client) && behaviour.covers().test(c)) {
                Optional<ExpectedOutcome> known = behaviour.outcome().apply(c);
                if (!known.equals(Optional.of(declared))) {
                    boolean verdict = known.map(ExpectedOutcome::accepts).orElse(false) != declared.accepts();
                    ClientsReport.note(verdict ? "verdict differs from the declared one" : "reason differs from the "
                            + "declared one", client, c.scenario().id() + " under " + profile + ": "
                            + known.map(ExpectedOutcome::toString).orElse(ManifestVerdicts.UNNAMED_REJECTION)
                            + " where the table declares " + declared + ": " + behaviour.why());
                }
                return known;
            }
        }
        return Optional.of(declared);
    }
}
