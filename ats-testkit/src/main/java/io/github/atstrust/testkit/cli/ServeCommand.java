package io.github.atstrust.testkit.cli;

import io.github.atstrust.testkit.scenario.Expectation;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.server.AtsServers;
import io.github.atstrust.testkit.trust.ExportedProfile;
import io.github.atstrust.testkit.trust.TrustMaterialExport;
import io.github.atstrust.testkit.trust.TrustProfile;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * {@code ats serve}: starts every scenario, prints a table, writes the manifest once all servers listen,
 * runs until SIGINT/SIGTERM, then closes everything and exits 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve every scenario over real TLS on loopback until interrupted.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--manifest", paramLabel = "FILE", description = "Write the JSON manifest (version 1) here once every server is ready.")
    private Path manifest;

    @Option(names = "--export-dir", paramLabel = "DIR", description = "Write trust material here (default: a new temporary directory).")
    private Path exportDir;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private String bind;

    @Option(names = "--allow-non-loopback", description = "Permit a --bind address that is not loopback (exposes test material).")
    private boolean allowNonLoopback;

    @Option(names = "--only", split = ",", paramLabel = "ID", description = "Serve only these scenario ids.")
    private List<String> only = List.of();

    @Option(names = "--index-port", paramLabel = "PORT", defaultValue = "0",
            description = "Port of the plain-HTTP index, CRL and OCSP server (default: a free one).")
    private int indexPort;

    @Option(names = "--stall-limit", paramLabel = "SECONDS", defaultValue = "30",
            description = "Seconds stalled-handshake keeps a connection (default: ${DEFAULT-VALUE}).")
    private int stallLimitSeconds;

    @Option(names = "--handshake-deadline", paramLabel = "SECONDS", defaultValue = "5",
            description = "Seconds a TLS connection may take to complete its handshake before it is closed "
                    + "(default: ${DEFAULT-VALUE}; stalled-handshake keeps --stall-limit).")
    private int handshakeDeadlineSeconds;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        InetAddress address = AtsServers.address(bind);
        if (!address.isLoopbackAddress() && !allowNonLoopback) {
            throw new IllegalArgumentException("--bind " + bind + " is not a loopback address; add --allow-non-loopback "
                    + "to expose the test material beyond this machine");
        }
        Set<String> selected = new LinkedHashSet<>(only);
        selected.forEach(ScenarioCatalogue.builtIn()::byId);
        if (manifest != null) {
            checkWritable(manifest);
        }
        boolean temporaryExport = exportDir == null;
        Path exportTo = temporaryExport ? Files.createTempDirectory("ats-export-") : exportDir;
        List<ExportedProfile> profiles = TrustMaterialExport.writeTo(exportTo, TrustProfile.DEFAULT_PASSWORD);

        CountDownLatch stop = new CountDownLatch(1);
        try (AtsServers servers = AtsServers.builder().bind(address).indexPort(indexPort).only(selected)
                .stallLimit(Duration.ofSeconds(stallLimitSeconds)).handshakeDeadline(Duration.ofSeconds(handshakeDeadlineSeconds))
                .allowNonLoopback().start()) {
            printTable(out, servers);
            out.printf("%nIndex:          %s%n", servers.indexUri());
            out.printf("Trust material: %s%n", exportTo.toAbsolutePath());
            if (manifest != null) {
                Manifest.of(profiles, servers.endpoints()).writeAtomically(manifest);
                out.printf("Manifest:       %s%n", manifest.toAbsolutePath());
            }
            out.printf("Ready in %d ms. Press Ctrl+C to stop.%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
            out.flush();
            // Handling the signals ourselves (instead of a shutdown hook) lets serve close cleanly and exit 0.
            Signal.handle(new Signal("INT"), signal -> stop.countDown());
            Signal.handle(new Signal("TERM"), signal -> stop.countDown());
            stop.await();
        } finally {
            if (temporaryExport) {
                deleteRecursively(exportTo);
            }
        }
        out.println("Stopped.");
        return 0;
    }

    private static void printTable(PrintWriter out, AtsServers servers) {
        out.printf("ATS Trust Kit: fake ATS scenarios (TEST ONLY material)%n%n");
        out.printf("%-22s %-26s %-24s %s%n", "SCENARIO", "URL", "REQUIRES", "ACCEPTED BY / WHAT IT SENDS");
        for (AtsEndpoint endpoint : servers.endpoints()) {
            String acceptedBy = TrustProfiles.builtIn().stream()
                    .filter(p -> endpoint.expectationFor(p) == Expectation.ACCEPT).map(TrustProfile::id)
                    .collect(Collectors.joining(", "));
            out.printf("%-22s %-26s %-24s %s%n%-74s %s%n", endpoint.id(), endpoint.uri(),
                    endpoint.scenario().requires().isEmpty() ? "-" : String.join(",", endpoint.scenario().requires()),
                    acceptedBy.isEmpty() ? "no profile (must be rejected)" : acceptedBy, "",
                    endpoint.scenario().description());
        }
    }

    private static void checkWritable(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("--manifest " + file + " is a directory; give a file path");
        }
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new IllegalArgumentException("--manifest " + file + ": directory " + parent
                    + " does not exist or is not writable; create it or choose another path");
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
