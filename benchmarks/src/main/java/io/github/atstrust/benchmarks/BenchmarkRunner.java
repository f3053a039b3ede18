package io.github.atstrust.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import io.github.atstrust.testkit.server.AtsServers;
import io.github.atstrust.testkit.trust.TrustProfile;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every figure of the benchmark issue in one go and writes {@code benchmarks/target/results.json}:
 * one-shot figures (fresh-JVM set-up of the kit vs okhttp-tls, handshakes per second vs a bare JDK server, the
 * client matrix, warm start, heap) and JMH steady-state figures.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar --quick     # under 90 s on 2 cores</pre>
 */
public final class BenchmarkRunner {

    private BenchmarkRunner() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        boolean quick = List.of(args).contains("--quick");
        Path output = Path.of(option(args, "--output", "benchmarks/target/results.json"));
        int setupRuns = quick ? 5 : 11;
        Duration handshakeRound = Duration.ofMillis(quick ? 1000 : 3000);

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("mode", quick ? "quick" : "full");
        results.put("machine", machine());

        double kitCold = medianSetup(setupRuns, Cache.COLD, "kit");
        double kit = medianSetup(setupRuns, Cache.WARM, "kit");
        double okhttp = medianSetup(setupRuns, Cache.COLD, "okhttp-tls");
        results.put("setup_ms_kit_cold", round(kitCold));
        results.put("setup_ms_kit", round(kit));
        results.put("setup_ms_okhttp_tls", round(okhttp));
        results.put("setup_ratio_cold", round(okhttp / kitCold));
        results.put("setup_ratio", round(okhttp / kit));
        progress(results);

        double withKitCold = medianSetup(setupRuns, Cache.COLD, "first-class", "WithTheKit");
        double withKit = medianSetup(setupRuns, Cache.WARM, "first-class", "WithTheKit");
        double withoutKit = medianSetup(setupRuns, Cache.COLD, "first-class", "WithoutTheKit");
        results.put("first_class_ms_with_kit_cold", round(withKitCold));
        results.put("first_class_ms_with_kit", round(withKit));
        results.put("first_class_ms_without_kit", round(withoutKit));
        results.put("first_class_added_ms_cold", round(withKitCold - withoutKit));
        results.put("first_class_added_ms", round(withKit - withoutKit));
        ServeStart cold = ServeStart.median(setupRuns, Cache.COLD, ServeStart.Launch.JAVA);
        ServeStart warm = ServeStart.median(setupRuns, Cache.WARM, ServeStart.Launch.JAVA);
        results.put("serve_ready_ms_cold", round(cold.manifest()));
        results.put("serve_ready_ms", round(warm.manifest()));
        results.put("serve_first_handshake_ms_cold", round(cold.firstHandshake()));
        results.put("serve_first_handshake_ms", round(warm.firstHandshake()));
        if (ServeStart.Launch.LAUNCHER.available()) {
            ServeStart.median(1, Cache.COLD, ServeStart.Launch.LAUNCHER); // records the archive if the jar is newer
            ServeStart launcherCold = ServeStart.median(setupRuns, Cache.COLD, ServeStart.Launch.LAUNCHER);
            ServeStart launcherWarm = ServeStart.median(setupRuns, Cache.WARM, ServeStart.Launch.LAUNCHER);
            results.put("serve_ready_ms_ats_cold", round(launcherCold.manifest()));
            results.put("serve_ready_ms_ats", round(launcherWarm.manifest()));
            results.put("serve_first_handshake_ms_ats", round(launcherWarm.firstHandshake()));
        } else {
            System.out.println("serve via ./ats: not measured (run from the repository root after building ats-cli)");
        }
        progress(results);

        List<HandshakeThroughput.Rounds> handshakes = HandshakeThroughput.measure(quick ? 5 : 9, handshakeRound);
        HandshakeThroughput.Rounds rsa2048 = handshakes.get(0);
        results.put("handshakes_per_s_kit", round(rsa2048.kitMedian()));
        results.put("handshakes_per_s_bare_jdk", round(rsa2048.bareMedian()));
        results.put("handshake_ratio", round(rsa2048.ratio()));
        results.put("handshakes_per_s_mockwebserver", round(rsa2048.mockWebServerMedian()));
        results.put("handshake_ratio_to_mockwebserver", round(rsa2048.kitMedian() / rsa2048.mockWebServerMedian()));
        results.put("handshake_ratio_min", round(handshakes.stream().mapToDouble(HandshakeThroughput.Rounds::ratio).min().orElseThrow()));
        HandshakeThroughput.Rounds saturated = HandshakeThroughput.saturated(quick ? 5 : 9, handshakeRound);
        results.put("handshake_ratio_saturated", round(saturated.ratio()));
        results.put("handshakes_saturated", saturated.toJson());
        Map<String, Object> perKeyType = new LinkedHashMap<>();
        handshakes.forEach(r -> perKeyType.put(r.keyType(), r.toJson()));
        results.put("handshakes", perKeyType);
        progress(results);

        results.put("servers_ready_ms", round(serversReadyMillis()));
        results.put("matrix_ms", round(matrixMillis()));
        results.put("heap_mb", round(heapHeldMegabytes()));
        progress(results);

        results.put("jmh", jmh(quick));
        Files.createDirectories(output.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(output.toFile(), results);
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results));
        System.out.println("written to " + output.toAbsolutePath());
    }

    /** Median wall time from starting a fresh JVM to its READY line; a warm figure primes the cache first. */
    private static double medianSetup(int runs, Cache cache, String... mode) throws Exception {
        String jar = jar();
        String java = java();
        Path directory = Cache.directory();
        List<Double> times = new ArrayList<>();
        for (int i = cache.firstRun(); i < runs; i++) {
            long start = System.nanoTime();
            List<String> command = new ArrayList<>(List.of(java, cache.jvmOption(directory, i), "-cp", jar,
                    SetupProbe.class.getName()));
            command.addAll(List.of(mode));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            double elapsed = -1;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("READY")) {
                    elapsed = (System.nanoTime() - start) / 1e6;
                }
            }
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0 || elapsed < 0) {
                throw new IllegalStateException("set-up probe '" + String.join(" ", mode) + "' failed with exit "
                        + process.exitValue());
            }
            if (i >= 0) {
                times.add(elapsed);
            }
        }
        return median(times);
    }

    /** Warm, in-process: median of ten starts of every scenario server after five warm-ups. */
    private static double serversReadyMillis() {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            long start = System.nanoTime();
            try (AtsServers ignored = AtsServers.start()) {
                if (i >= 5) {
                    times.add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        return median(times);
    }

    /** Every scenario with empty requires × every built-in profile, with the JDK HttpClient. */
    private static double matrixMillis() throws Exception {
        try (AtsServers servers = AtsServers.start()) {
            runMatrix(servers);
            long start = System.nanoTime();
            int cases = runMatrix(servers);
            double elapsed = (System.nanoTime() - start) / 1e6;
            System.out.printf("matrix: %d cases%n", cases);
            return elapsed;
        }
    }

    private static int runMatrix(AtsServers servers) {
        int cases = 0;
        for (TrustProfile profile : TrustProfiles.builtIn()) {
            HttpClient client = HttpClient.newBuilder().sslContext(profile.sslContext()).build();
            for (Scenario scenario : ScenarioCatalogue.builtIn().unconditional()) {
                try {
                    client.send(HttpRequest.newBuilder(servers.endpoint(scenario.id()).uri()).build(), BodyHandlers.discarding());
                } catch (Exception rejected) {
                    // a rejection is a result like any other here
                }
                cases++;
            }
        }
        return cases;
    }

    /**
     * Heap in use, after GC, in a fresh JVM running every scenario server: an upper bound of what a running
     * environment holds (it includes the few MB any JVM starts with).
     */
    private static double heapHeldMegabytes() throws Exception {
        Process process = new ProcessBuilder(java(), "-cp", jar(), SetupProbe.class.getName(), "kit-heap")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(120, TimeUnit.SECONDS);
        return output.lines().filter(l -> l.startsWith("HEAP ")).mapToLong(l -> Long.parseLong(l.substring(5).trim()))
                .findFirst().orElseThrow(() -> new IllegalStateException("heap probe failed: " + output)) / 1e6;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String jar() throws Exception {
        return Path.of(BenchmarkRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static Map<String, Object> jmh(boolean quick) throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder().include(KitBenchmarks.class.getName())
                .forks(1).jvmArgsAppend("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.seconds(2)).measurementIterations(3)
                    .measurementTime(TimeValue.seconds(2));
        } else {
            options.warmupIterations(5).warmupTime(TimeValue.seconds(5)).measurementIterations(10)
                    .measurementTime(TimeValue.seconds(5));
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        for (RunResult result : new Runner(options.build()).run()) {
            String name = result.getParams().getBenchmark();
            figures.put(name.substring(name.lastIndexOf('.') + 1) + "_ms", Map.of(
                    "score", round(result.getPrimaryResult().getScore()),
                    "error", round(result.getPrimaryResult().getScoreError())));
        }
        return figures;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return machine;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static void progress(Map<String, Object> results) {
        System.out.println("so far: " + results);
    }
}
