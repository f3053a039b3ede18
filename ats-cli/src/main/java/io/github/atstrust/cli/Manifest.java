package io.github.atstrust.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ClientSetting;
import io.github.atstrust.testkit.server.AtsEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manifest {@code serve} writes (version 1, see DESIGN.md): exported profile files and, per scenario,
 * its URL, {@code requires}, the expectation for every profile id and the expected reason of every rejection. How non-JVM clients use the kit.
 */
record Manifest(int version, String runId, long pid, String startedAt, String index, String crlBase, String caBase,
                List<ProfileEntry> profiles, List<ScenarioEntry> scenarios, List<ProfileEntry> mirrors) {

    record ProfileEntry(String id, String description, String pemBundle, String pkcs12, String jks,
                        String storePassword) {
    }

    /**
     * One served endpoint; {@code reasons} (additive to version 1) holds, for every profile whose expectation is
     * {@code reject}, the {@code RejectionReason} a correct client gives, e.g. {@code "UNTRUSTED_ROOT"}. Mail
     * endpoints (additive) are entries of their own, {@code <scenario>-smtp} (STARTTLS) and {@code <scenario>-smtps}
     * (TLS wrapper mode), requiring {@code smtp}; {@code scenario} names the scenario whose chain an entry serves.
     */
    record ScenarioEntry(String id, String scenario, String description, String url, String hostname, int port,
                         List<String> requires, Map<String, String> expect, Map<String, String> reasons,
                         Map<String, Expectations> underSettings) {
    }

    /**
     * {@code underSettings} (additive): the expectations of a client with a setting that changes what it trusts,
     * by setting id ({@code x509-strict}), in the same shape as {@code expect} and {@code reasons}.
     */
    record Expectations(Map<String, String> expect, Map<String, String> reasons) {
    }

    /**
     * The manifest of one {@code serve} run. {@code runId}, {@code pid} and {@code startedAt} (additive to version
     * 1) let a client tell a stale manifest left by a killed run: its {@code pid} is no longer alive. {@code index}
     * (additive) is the plain-HTTP dashboard; {@code crlBase} and {@code caBase} the bases of the CRLs
     * ({@code <ca-id>.crl}) and CA certificates ({@code <ca-id>.cer}) it serves. {@code mirrors} (additive) are the
     * mirrors of {@code serve --mirror}, in the order given, with no expectations: a mirror is a production store
     * pointed at the kit, and what it accepts is what the store it mirrors would accept from AWS.
     */
    static Manifest of(String runId, java.time.Instant startedAt, java.net.URI index, List<ExportedProfile> profiles,
                       List<ExportedProfile> mirrors, List<AtsEndpoint> endpoints) {
        Map<Scenario, Expected> expected = new java.util.HashMap<>(); // a scenario's mail entries share its own
        List<ScenarioEntry> scenarioEntries = endpoints.stream()
                .map(endpoint -> entry(endpoint, expected.computeIfAbsent(endpoint.scenario(), Expected::of))).toList();
        return new Manifest(1, runId, ProcessHandle.current().pid(), startedAt.toString(), index.toString(),
                index.resolve("crl/").toString(), index.resolve("ca/").toString(), entries(profiles), scenarioEntries,
                entries(mirrors));
    }

    private static List<ProfileEntry> entries(List<ExportedProfile> profiles) {
        return profiles.stream().map(p -> new ProfileEntry(p.id(), p.description(), p.pemBundle().toString(),
                p.pkcs12().toString(), p.jks().toString(), p.storePassword())).toList();
    }

    /** What a scenario's entries expect: plain, and under each setting that changes what a client trusts. */
    private record Expected(Expectations plain, Map<String, Expectations> underSettings) {
        static Expected of(Scenario scenario) {
            return new Expected(expectations(scenario.expectedOutcomes()), Map.of(ClientSetting.X509_STRICT.id(),
                    expectations(scenario.expectedOutcomes(java.util.Set.of(ClientSetting.X509_STRICT)))));
        }
    }

    private static ScenarioEntry entry(AtsEndpoint endpoint, Expected expected) {
        Scenario scenario = endpoint.scenario();
        Expectations plain = expected.plain();
        Map<String, Expectations> underSettings = expected.underSettings();
        boolean mail = !endpoint.scheme().equals("https");
        java.util.stream.Stream<String> requires = mail
                ? java.util.stream.Stream.concat(scenario.requiredSettingIds().stream(), java.util.stream.Stream.of(ClientSetting.SMTP.id()))
                : scenario.requiredSettingIds().stream();
        return new ScenarioEntry(mail ? scenario.id() + "-" + endpoint.scheme() : scenario.id(), scenario.id(),
                scenario.description(), endpoint.uri().toString(), endpoint.hostname(), endpoint.port(),
                requires.distinct().sorted().toList(), plain.expect(), plain.reasons(), underSettings);
    }

    private static Expectations expectations(Map<String, io.github.atstrust.testkit.scenario.ExpectedOutcome> outcomes) {
        Map<String, String> expect = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        outcomes.forEach((profile, expected) -> {
            expect.put(profile, expected.verdict());
            if (!expected.accepts()) {
                reasons.put(profile, expected.reason().name());
            }
        });
        return new Expectations(expect, reasons);
    }

    /** The lock file of the manifest {@code file}: {@code .<name>.lock} beside it. */
    static Path lockOf(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".lock");
    }

    /** Whether {@code file} is a regular file (not a link) holding a manifest of {@code ats serve}. */
    static boolean isManifest(Path file) {
        try {
            if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.size(file) > 16L << 20) {
                return false;
            }
            var tree = new ObjectMapper().readTree(file.toFile());
            return tree != null && tree.path("version").isInt() && tree.path("runId").isTextual()
                    && tree.path("profiles").isArray() && tree.path("scenarios").isArray();
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** Whether {@code file} holds the manifest of the run {@code runId} (so that run may delete it). */
    static boolean isOfRun(Path file, String runId) {
        try {
            return isManifest(file) && runId.equals(new ObjectMapper().readTree(file.toFile()).path("runId").asText());
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** Writes the manifest atomically: a reader never sees a half-written file. */
    void writeAtomically(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), ".manifest-", ".tmp");
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(temporary.toFile(), this);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
