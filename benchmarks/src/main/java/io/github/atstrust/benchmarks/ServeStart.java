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

    /** How {@code serve} is started: its main class in a plain JVM, or {@code ./ats} with its class-data archive. */
    enum Launch {
        /** {@code java -cp benchmarks.jar io.github.atstrust.cli.AtsCommand serve}: no flags, no archive. */
        JAVA,
        /**
         * {@code ./ats serve} from the working directory (the repository root), as a user starts it: the launcher
         * maps the class-data archive its first {@code serve} after a build recorded (run once, unmeasured, first).
         */
        LAUNCHER;

        ProcessBuilder process(Cache cache, Path caches, int run, Path manifest) throws Exception {
            if (this == JAVA) {
                return new ProcessBuilder(BenchmarkRunner.java(), cache.jvmOption(caches, run), "-cp", BenchmarkRunner.jar(),
                        "io.github.atstrust.cli.AtsCommand", "serve", "--manifest", manifest.toString());
            }
            ProcessBuilder launcher = new ProcessBuilder("./ats", "serve", "--manifest", manifest.toString());
            launcher.environment().put("ATS_CACHE_DIR", cache.jvmOption(caches, run).substring("-Dats.cache.dir=".length()));
            launcher.environment().put("PATH", Path.of(BenchmarkRunner.java()).getParent() + java.io.File.pathSeparator
                    + System.getenv("PATH"));
            return launcher;
        }

        /** Whether this way can run here: {@code ./ats} needs the repository root and its built CLI jar. */
        boolean available() {
            return this == JAVA || (Files.isExecutable(Path.of("ats")) && Files.isRegularFile(Path.of("ats-cli/target/ats-cli.jar")));
        }
    }

    /**
     * {@code ats serve} (every scenario, mail, trust material) from process start to its manifest on disk, and to
     * the end of the first handshake a JDK client (trusting Amazon Root CA 1, its context built before the process
     * starts) completes against {@code ats-root-ca-1}, so that no "ready" hides work the first handshake pays; each
     * run is then stopped with SIGTERM.
     */
    static ServeStart median(int runs, Cache cache, Launch launch) throws Exception {
        List<Double> manifests = new ArrayList<>();
        List<Double> handshakes = new ArrayList<>();
        Path directory = Files.createTempDirectory("ats-bench-serve-");
        Path caches = Cache.directory();
        HttpClient client = HttpClient.newBuilder().sslContext(TrustProfiles.byId("amazon-root-ca-1").sslContext()).build();
        for (int i = cache.firstRun(); i < runs; i++) {
            Path manifest = directory.resolve("manifest-" + i + ".json");
            long start = System.nanoTime();
            Process serve = launch.process(cache, caches, i, manifest).redirectErrorStream(true)
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
