package io.github.atstrust.cli;

import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.server.AtsServers;
import io.github.atstrust.testkit.server.AtsServersBuilder;
import io.github.atstrust.testkit.trust.TrustProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * runs until SIGINT, SIGTERM or SIGHUP, then closes everything, removes the manifest and the exported trust
 * material, and exits 0. A failed start cleans up the same way. Only {@code kill -9} leaves files behind: the
 * manifest's {@code pid} then names a dead process, and the next {@code serve} removes a stale temporary export.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve every scenario over real TLS on loopback until interrupted.")
final class ServeCommand implements Callable<Integer> {

    /** Prefix of the temporary export directory: {@code ats-export-<pid>-<random>}. */
    static final String TEMPORARY_EXPORT = "ats-export-";

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

    @Option(names = "--no-mail", description = "Do not serve the mail scenarios (STARTTLS and TLS wrapper mode SMTP).")
    private boolean noMail;

    @Option(names = "--handshake-deadline", paramLabel = "SECONDS", defaultValue = "5",
            description = "Seconds a TLS connection may take to complete its handshake before it is closed "
                    + "(default: ${DEFAULT-VALUE}; stalled-handshake keeps --stall-limit).")
    private int handshakeDeadlineSeconds;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        // Handlers first, before anything is written: a signal at any moment ends in the clean-up below.
        CountDownLatch stop = new CountDownLatch(1);
        for (String signal : List.of("INT", "TERM", "HUP")) {
            Signal.handle(new Signal(signal), received -> stop.countDown());
        }
        PrintWriter out = spec.commandLine().getOut();
        InetAddress address = resolve(bind);
        if (!address.isLoopbackAddress() && !allowNonLoopback) {
            throw new IllegalArgumentException("--bind " + bind + " is not a loopback address; add --allow-non-loopback "
                    + "to expose the test material beyond this machine");
        }
        Set<String> selected = new LinkedHashSet<>(only);
        selected.forEach(ScenarioCatalogue.builtIn()::byId);
        if (indexPort < 0 || indexPort > 65535) {
            throw new IllegalArgumentException("--index-port " + indexPort + ": choose a port from 0 to 65535 (0: any free port)");
        }
        AtsServersBuilder builder = AtsServers.builder().bind(address).indexPort(indexPort).only(selected)
                .stallLimit(Duration.ofSeconds(stallLimitSeconds)).handshakeDeadline(Duration.ofSeconds(handshakeDeadlineSeconds))
                .allowNonLoopback();
        if (!noMail) {
            builder.mail();
        }
        if (manifest != null) {
            prepareManifest(manifest, out);
        }
        removeExportsOfDeadRuns();
        String runId = UUID.randomUUID().toString();
        boolean temporaryExport = exportDir == null;
        Path exportTo = temporaryExport ? Files.createTempDirectory(TEMPORARY_EXPORT + ProcessHandle.current().pid() + "-")
                : exportDir;
        try {
            List<ExportedProfile> profiles = TrustMaterialExport.writeTo(exportTo, TrustProfile.DEFAULT_PASSWORD);
            try (AtsServers servers = builder.start()) {
                printTable(out, servers);
                out.printf("%nIndex:          %s%n", servers.indexUri());
                out.printf("Trust material: %s%n", exportTo.toAbsolutePath());
                if (manifest != null) {
                    List<AtsEndpoint> served = new java.util.ArrayList<>(servers.endpoints());
                    served.addAll(servers.mailEndpoints());
                    Manifest.of(runId, java.time.Instant.now(), servers.indexUri(), profiles, served).writeAtomically(manifest);
                    out.printf("Manifest:       %s%n", manifest.toAbsolutePath());
                }
                out.printf("Ready in %d ms. Press Ctrl+C to stop.%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
                out.flush();
                stop.await();
            }
        } finally {
            if (manifest != null && Manifest.isOfRun(manifest, runId)) {
                Files.deleteIfExists(manifest);
            }
            TrustMaterialExport.remove(exportTo);
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
            String acceptedBy = endpoint.scenario().expectedOutcomes().entrySet().stream()
                    .filter(e -> e.getValue().accepts()).map(Map.Entry::getKey).collect(Collectors.joining(", "));
            out.printf("%-22s %-26s %-24s %s%n%-74s %s%n", endpoint.id(), endpoint.uri(),
                    endpoint.scenario().requires().isEmpty() ? "-" : String.join(",", endpoint.scenario().requiredSettingIds()),
                    acceptedBy.isEmpty() ? "no profile (must be rejected)" : acceptedBy, "",
                    endpoint.scenario().description());
        }
        if (!servers.mailEndpoints().isEmpty()) {
            out.printf("%nMail (requires smtp; expectations as above): STARTTLS smtp://, TLS wrapper mode smtps://%n");
            for (AtsEndpoint endpoint : servers.mailEndpoints()) {
                out.printf("%-22s %s%n", endpoint.id(), endpoint.uri());
            }
        }
    }

    /**
     * Checks, before any server starts, that the manifest can be written (by writing a temporary file beside it),
     * and removes a manifest left by an earlier run, so that no client reads stale ports while this one starts.
     */
    private static void prepareManifest(Path file, PrintWriter out) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("--manifest " + file + " is a directory; give a file path");
        }
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("--manifest " + file + ": directory " + parent
                    + " does not exist; create it or choose another path");
        }
        try {
            Files.delete(Files.createTempFile(parent, ".manifest-", ".tmp"));
        } catch (IOException e) {
            throw new IllegalArgumentException("--manifest " + file + ": cannot write in " + parent + " ("
                    + AtsCommand.reason(e) + "); choose a directory you can write to", e);
        }
        long owner = Manifest.pidOf(target);
        if (owner > 0 && owner != ProcessHandle.current().pid() && ProcessHandle.of(owner).isPresent()) {
            throw new IllegalArgumentException("--manifest " + file + " belongs to a serve that is still running (pid "
                    + owner + "); stop it or choose another manifest path");
        }
        if (Files.deleteIfExists(target)) {
            out.printf("Removed the manifest of an earlier run: %s%n", target);
        }
    }

    /** Temporary exports of runs that were killed (kill -9 runs no clean-up): their process is gone. */
    private static void removeExportsOfDeadRuns() {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        try (var list = Files.newDirectoryStream(temp, TEMPORARY_EXPORT + "*")) {
            for (Path stale : list) {
                String[] parts = stale.getFileName().toString().split("-");
                if (parts.length >= 4 && parts[2].chars().allMatch(Character::isDigit)
                        && ProcessHandle.of(Long.parseLong(parts[2])).isEmpty()) {
                    deleteRecursively(stale);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: another user's directory, a race with another serve; never a reason not to start
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static InetAddress resolve(String bind) {
        try {
            return InetAddress.getByName(bind);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("--bind " + bind + ": cannot resolve this address (" + e.getMessage()
                    + "); use 127.0.0.1, ::1 or localhost", e);
        }
    }
}
