package io.github.atstrust.benchmarks;

import io.github.atstrust.testkit.pki.FakeAtsHierarchy;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.KeyType;
import io.github.atstrust.testkit.pki.LeafSpec;
import io.github.atstrust.testkit.server.AtsServers;
import java.security.cert.X509Certificate;
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
    public X509Certificate mintLeafUnderRsa4096Intermediate() {
        FakeAtsHierarchy fake = FakeAtsHierarchy.load();
        return fake.authority(FakeCa.AMAZON_RSA_4096_M01).issue(LeafSpec.forHosts("localhost"), fake.leafKeyPair(KeyType.RSA_2048));
    }
}
