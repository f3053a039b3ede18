package io.github.atstrust.benchmarks;

import io.github.atstrust.testkit.pki.FakeAtsHierarchy;
import io.github.atstrust.testkit.server.AtsServers;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.lang.management.ManagementFactory;
import java.util.Set;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Run in a fresh JVM by {@link BenchmarkRunner}: builds a ready environment one way or the other, prints
 * {@code READY} and exits (the parent times process start to that line); {@code kit-heap} prints the heap in
 * use, after GC, while every scenario server runs; {@code first-class NAME} runs one JUnit class of
 * {@code firstclass} through the JUnit Platform launcher (READY only when its one test passed).
 */
public final class SetupProbe {

    /** The core scenarios of DESIGN.md: what both set-ups make ready. */
    static final Set<String> CORE_SCENARIOS = Set.of("ats-root-ca-1", "ats-root-ca-2", "ats-root-ca-3", "ats-root-ca-4",
            "ats-acm-2024", "untrusted-root", "self-signed", "expired", "wrong-host", "incomplete-chain", "revoked");

    private SetupProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("kit")) {
            FakeAtsHierarchy.load();
            TrustProfiles.builtIn();
            try (AtsServers servers = AtsServers.builder().only(CORE_SCENARIOS).start()) {
                System.out.println("READY " + servers.endpoints().size());
            }
        } else if (args.length == 1 && args[0].equals("kit-heap")) {
            try (AtsServers servers = AtsServers.start()) {
                for (int i = 0; i < 3; i++) {
                    System.gc();
                    Thread.sleep(200);
                }
                System.out.println("HEAP " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            }
        } else if (args.length == 2 && args[0].equals("first-class")) {
            Class<?> testClass = Class.forName(SetupProbe.class.getPackageName() + ".firstclass." + args[1]);
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClass(testClass)).build(), summary);
            if (summary.getSummary().getTestsSucceededCount() != 1 || summary.getSummary().getTotalFailureCount() != 0) {
                java.io.StringWriter failures = new java.io.StringWriter();
                summary.getSummary().printFailuresTo(new java.io.PrintWriter(failures), 20);
                throw new IllegalStateException(args[1] + " did not pass its one test: " + failures);
            }
            System.out.println("READY " + args[1]);
        } else if (args.length == 1 && args[0].equals("okhttp-tls")) {
            try (OkHttpTlsEnvironment environment = OkHttpTlsEnvironment.start()) {
                System.out.println("READY " + environment.servers());
            }
        } else {
            throw new IllegalArgumentException("usage: SetupProbe kit|kit-heap|okhttp-tls|first-class WithTheKit|WithoutTheKit");
        }
    }
}
