package io.github.atstrust.benchmarks;

import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import io.github.atstrust.testkit.scenario.ServedChain;
import io.github.atstrust.testkit.server.AtsServers;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Steady-state costs of the kit, measured by JMH. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KitBenchmarks {

    /** Start every scenario server and close them again (warm JVM). */
    @Benchmark
    public int startAndCloseAllServers() {
        try (AtsServers servers = AtsServers.start()) {
            return servers.endpoints().size();
        }
    }

    /** Mint one RSA 2048 leaf under the RSA 4096 intermediate, the most expensive signature the kit makes. */
    @Benchmark
    public ServedChain mintLeafUnderRsa4096Intermediate() {
        return ScenarioCatalogue.builtIn().byId("ats-root-ca-2").mint();
    }
}
