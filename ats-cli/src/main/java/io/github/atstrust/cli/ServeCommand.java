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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * {@code ats serve}: starts every scenario, prints a table, writes the manifest once all servers listen,
 * runs until SIGINT, SIGTERM or SIGHUP, then closes everything, removes the manifest and the exported trust
 * material it wrote, and exits 0. A failed start cleans up the same way. The manifest and the export directory
 * are locked for the run ({@link KitLock}): a second serve on either is refused. Only {@code kill -9} leaves files
 * behind; their locks are then free, and the next {@code serve} removes a stale temporary export.
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
            description = "Port of the plain-HTTP index, CRL and OCSP server (default: the last start's if free, so its "
                    + "signed material can be reused, else a free one).")
    private int indexPort;

    @Option(names = "--stall-limit", paramLabel = "SECONDS", defaultValue = "30",
            description = "Seconds stalled-handshake keeps a connection (default: ${DEFAULT-VALUE}).")
    private int stallLimitSeconds;

    @Option(names = "--mirror", paramLabel = "SOURCE", description = "Also export the mirror of this store (its real ATS "
            + "roots swapped for their twins) as mirror-N.{pem,p12,jks}, listed under 'mirrors' in the manifest; repeatable.")
    private List<String> mirrorSources = List.of();

    @Option(names = "--no-mail", description = "Do not serve the mail scenarios (STARTTLS and TLS wrapper mode SMTP).")
    private boolean noMail;

    @Option(names = "--handshake-deadline", paramLabel = "SECONDS", defaultValue = "5",
            description = "Seconds a TLS connection may take to complete its handshake before it is closed "
                    + "(default: ${DEFAULT-VALUE}; stalled-handshake keeps --stall-limit).")
    private int handshakeDeadlineSeconds;

    @Option(names = "--request-deadline", paramLabel = "SECONDS", defaultValue = "30",
            description = "Seconds a connection may take, after its handshake or previous request, to complete a "
                    + "request (an SMTP session, to end) before it is closed (default: ${DEFAULT-VALUE}).")
    private int requestDeadlineSeconds;

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
                .requestDeadline(Duration.ofSeconds(requestDeadlineSeconds))
                .allowNonLoopback();
        if (!noMail) {
            builder.mail();
        }
        for (var named : List.of(java.util.Map.entry("--manifest", String.valueOf(manifest)),
                java.util.Map.entry("--export-dir", String.valueOf(exportDir)))) {
            if (named.getValue().isEmpty()) {
                throw new IllegalArgumentException(named.getKey() + " is empty (it would mean the current directory); "
                        + "give a path, or leave the option out");
            }
        }
        List<TrustProfile> mirrors = new java.util.ArrayList<>();
        for (String source : mirrorSources) {
            mirrors.add(MirrorExport.of(source, "mirror-" + (mirrors.size() + 1)));
        }
        String runId = UUID.randomUUID().toString();
        KitLock manifestLock = manifest == null ? null : prepareManifest(manifest, runId, out);
        try {
            removeExportsOfDeadRuns();
            boolean temporaryExport = exportDir == null;
            Path exportTo = temporaryExport
                    ? Files.createTempDirectory(TEMPORARY_EXPORT + ProcessHandle.current().pid() + "-") : exportDir;
            try {
                serve(builder, exportTo, mirrors, runId, started, stop, out);
            } finally {
                if (temporaryExport) {
                    try {
                        Files.deleteIfExists(exportTo); // empty once the export is removed
                    } catch (java.nio.file.DirectoryNotEmptyException someoneElses) {
                        // files the kit did not write: left alone
                    }
                }
            }
        } finally {
            if (manifestLock != null) {
                if (Manifest.isOfRun(manifest, runId)) {
                    Files.deleteIfExists(manifest);
                }
                manifestLock.deleteAndRelease();
            }
        }
        out.println("Stopped.");
        return 0;
    }

    private void serve(AtsServersBuilder builder, Path exportTo, List<TrustProfile> mirrors, String runId, long started,
                       CountDownLatch stop, PrintWriter out) throws Exception {
        TrustMaterialExport export = TrustMaterialExport.claim(exportTo, TrustProfile.DEFAULT_PASSWORD, runId, "serve",
                mirrors);
        // Written beside the server start (the two share no state), and complete before anything is printed or the
        // manifest names a file: on two cores this takes the export's 0.3–0.5 s off the start.
        FutureTask<Void> writing = new FutureTask<>(() -> {
            export.write();
            return null;
        });
        Thread writer = new Thread(writing, "ats-export");
        writer.setDaemon(true);
        writer.start();
        try (AtsServers servers = builder.start()) {
            written(writing);
            printTable(out, servers);
            out.printf("%nIndex:          %s%n", servers.indexUri());
            out.printf("Trust material: %s%n", export.dir());
            export.extras().forEach(m -> out.printf("Mirror:         %s (%s)%n", m.pemBundle().getParent()
                    .resolve(m.id() + ".{pem,p12,jks}"), m.description()));
            if (manifest != null) {
                List<AtsEndpoint> served = new java.util.ArrayList<>(servers.endpoints());
                served.addAll(servers.mailEndpoints());
                Manifest.of(runId, java.time.Instant.now(), servers.indexUri(), export.profiles(), export.extras(), served)
                        .writeAtomically(manifest);
                out.printf("Manifest:       %s%n", manifest.toAbsolutePath());
            }
            out.printf("Ready in %d ms. Press Ctrl+C to stop.%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
            out.flush();
            stop.await();
        } finally {
            writer.join(); // a failed server start still waits for the writer, so that removing sees all it wrote
            export.remove();
        }
    }

    /** Waits for the export; its own failure (an IOException names the file) is rethrown as it was. */
    private static void written(FutureTask<Void> writing) throws Exception {
        try {
            writing.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception failure) {
                throw failure;
            }
            throw e;
        }
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
     * Takes the manifest's lock (a hidden {@code .<name>.lock} beside it) for this run, checks that the manifest
     * can be written, and removes a manifest left by a run that died, so that no client reads stale ports while
     * this one starts. A file at that path that is not a manifest of the kit, or a link, is refused, never deleted.
     */
    private static KitLock prepareManifest(Path file, String runId, PrintWriter out) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.isSymbolicLink(target)) {
            throw new IllegalArgumentException("--manifest " + file + " is a symbolic link; give the path of a file of "
                    + "its own (the kit never writes through a link)");
        }
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
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Manifest.isManifest(target)) {
            throw new IllegalArgumentException("--manifest " + file + " holds a file that is not a manifest of ats serve; "
                    + "the kit overwrites only its own manifests: choose another path");
        }
        Path lockFile = Manifest.lockOf(target);
        KitLock lock;
        try {
            lock = KitLock.tryAcquire(lockFile, "serve pid " + ProcessHandle.current().pid() + " run " + runId)
                    .orElseThrow(() -> new IllegalArgumentException("--manifest " + file + " belongs to a serve that is "
                            + "still running (" + KitLock.holderOf(lockFile) + "); stop it or choose another manifest path"));
        } catch (java.nio.file.FileSystemException e) {
            throw new IllegalArgumentException("--manifest " + file + ": " + lockFile + " " + AtsCommand.reason(e), e);
        }
        if (Files.deleteIfExists(target)) {
            out.printf("Removed the manifest of an earlier run: %s%n", target);
        }
        return lock;
    }

    /** Temporary exports of runs that died without cleaning up (kill -9): nobody holds their lock any more. */
    private static void removeExportsOfDeadRuns() {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        try (var list = Files.newDirectoryStream(temp, TEMPORARY_EXPORT + "*")) {
            for (Path stale : list) {
                if (Files.isDirectory(stale, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    TrustMaterialExport.removeAbandoned(stale);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: another user's directory, a race with another serve; never a reason not to start
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
