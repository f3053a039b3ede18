package io.github.atstrust.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ats serve} running as its own process, as non-JVM clients use it: through its manifest and the trust
 * files it exported.
 */
final class ServeProcess implements AutoCloseable {

    static final Path JAR = Path.of("../ats-cli/target/ats-cli.jar");

    private final Process process;
    private final JsonNode manifest;
    private final Path manifestFile;
    private final Path exportDir;
    private final URI indexUri;

    private ServeProcess(Process process, JsonNode manifest, Path manifestFile, Path exportDir, URI indexUri) {
        this.process = process;
        this.manifest = manifest;
        this.manifestFile = manifestFile;
        this.exportDir = exportDir;
        this.indexUri = indexUri;
    }

    static ServeProcess start(Path dir) throws Exception {
        assertThat(JAR).as("the CLI jar, built by ats-cli's package phase").isRegularFile();
        Path manifestFile = java.nio.file.Files.createDirectories(dir).resolve("manifest.json");
        Path exportDir = dir.resolve("trust");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString(), "serve", "--manifest", manifestFile.toString(), "--export-dir", exportDir.toString())
                .redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> output = new ArrayList<>();
        String line;
        while ((line = lines.readLine()) != null && !line.startsWith("Ready in")) {
            output.add(line);
        }
        assertThat(line).as("serve did not get ready: %s", output).isNotNull();
        URI index = output.stream().filter(l -> l.startsWith("Index:")).map(l -> URI.create(l.substring("Index:".length()).strip()))
                .findFirst().orElseThrow(() -> new AssertionError("serve printed no Index line: " + output));
        return new ServeProcess(process, new ObjectMapper().readTree(manifestFile.toFile()), manifestFile, exportDir, index);
    }

    /** The plain-HTTP index page (a port that does not speak TLS). */
    URI indexUri() {
        return indexUri;
    }

    Path manifestFile() {
        return manifestFile;
    }

    /** {@code ca/<name>.pem} of the export. */
    Path caCertificate(String name) {
        return exportDir.resolve("ca").resolve(name + ".pem");
    }

    String bundle(String profileId) {
        for (JsonNode profile : manifest.get("profiles")) {
            if (profile.get("id").asText().equals(profileId)) {
                return profile.get("pemBundle").asText();
            }
        }
        throw new IllegalArgumentException("no profile " + profileId + " in the manifest");
    }

    /** Every profile id of the manifest, in its order. */
    List<String> profileIds() {
        List<String> ids = new ArrayList<>();
        manifest.get("profiles").forEach(p -> ids.add(p.get("id").asText()));
        return ids;
    }

    JsonNode scenario(String id) {
        for (JsonNode scenario : manifest.get("scenarios")) {
            if (scenario.get("id").asText().equals(id)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("no scenario " + id + " in the manifest");
    }

    /** Every HTTPS scenario's id, in the manifest's order (the mail endpoints serve the same chains). */
    List<String> httpsScenarioIds() {
        List<String> ids = new ArrayList<>();
        manifest.get("scenarios").forEach(s -> {
            if (s.get("url").asText().startsWith("https://")) {
                ids.add(s.get("id").asText());
            }
        });
        return ids;
    }

    /** Scenarios every correct client judges alike. */
    List<JsonNode> unconditionalScenarios() {
        List<JsonNode> scenarios = new ArrayList<>();
        manifest.get("scenarios").forEach(s -> {
            if (s.get("requires").isEmpty()) {
                scenarios.add(s);
            }
        });
        return scenarios;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
