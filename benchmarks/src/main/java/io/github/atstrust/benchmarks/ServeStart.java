package io.github.atstrust.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Medians of one way of starting {@code ats serve}: from process start to its manifest, and to a real client's first
 * completed handshake.
 *
 * @param manifest       milliseconds to the manifest on disk
 * @param firstHandshake milliseconds to the end of the first handshake
 */
record ServeStart(double manifest, double firstHandshake) {

    /**
     * {@code ats serve} (every scenario, mail, trust material; the CLI's main class in a fresh JVM, no flags) from
     * process start to its manifest on disk, and to the end of the first handshake a JDK client (trusting Amazon
     * Root CA 1, its context built before the process starts) completes against {@code ats-root-ca-1}, so that no
     * "ready" hides work the first handshake pays; each run is then stopped with SIGTERM.
     */
    static ServeStart median(int runs, Cache cache) throws Exception {
        List<Double> manifests = new ArrayList<>();
        List<Double> handshakes = new ArrayList<>();
        Path directory = Files.createTempDirectory("ats-bench-serve-");
        Path caches = Cache.directory();
        HttpClient client = HttpClient.newBuilder().sslContext(TrustProfiles.byId("amazon-root-ca-1").sslContext()).build();
        for (int i = cache.firstRun(); i < runs; i++) {
            Path manifest = directory.resolve("manifest-" + i + ".json");
            long start = System.nanoTime();
            Process serve = new ProcessBuilder(BenchmarkRunner.java(), cache.jvmOption(caches, i), "-cp", BenchmarkRunner.jar(), "io.github.atstrust.cli.AtsCommand",
                    "serve", "--manifest", manifest.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                while (!Files.exists(manifest)) {
                    if (!serve.isAlive() || System.nanoTime() - start > TimeUnit.SECONDS.toNanos(60)) {
                        throw new IllegalStateException("serve wrote no manifest (exit " + (serve.isAlive() ? "none" : serve.exitValue()) + ")");
                    }
                    Thread.sleep(2);
                }
                double ready = (System.nanoTime() - start) / 1e6;
                URI url = null;
                for (var scenario : new ObjectMapper().readTree(manifest.toFile()).get("scenarios")) {
                    if (scenario.get("id").asText().equals("ats-root-ca-1")) {
                        url = URI.create(scenario.get("url").asText());
                    }
                }
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(url).build(), BodyHandlers.discarding());
                double handshake = (System.nanoTime() - start) / 1e6;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("ats-root-ca-1 answered " + response.statusCode());
                }
                if (i >= 0) {
                    manifests.add(ready);
                    handshakes.add(handshake);
                }
            } finally {
                serve.destroy();
                serve.waitFor(30, TimeUnit.SECONDS);
            }
        }
        return new ServeStart(BenchmarkRunner.median(manifests), BenchmarkRunner.median(handshakes));
    }

}
