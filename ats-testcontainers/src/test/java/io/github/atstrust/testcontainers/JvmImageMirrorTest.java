package io.github.atstrust.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.DefaultTrustProbe;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.server.AtsServers;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.MountableFile;

/**
 * An application image with a JVM from Debian's OpenJDK, whose {@code cacerts} is generated from the OS store:
 * after {@link AtsClientContainer#mirrorAtsTrust()}, a Java client using the JVM's default trust meets the fake
 * chains as it would meet AWS's.
 */
@RequiresDocker(images = JvmImageMirrorTest.IMAGE)
class JvmImageMirrorTest {

    static final String IMAGE = "ats-clients:bookworm";
    private static final String PROBE = DefaultTrustProbe.class.getName();

    private static AtsServers servers;

    @BeforeAll
    static void startServers() {
        servers = AtsServers.builder().only(Set.of("ats-root-ca-1", "ats-root-ca-3", "ats-acm-2024", "untrusted-root")).start();
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void theJvmsDefaultTrustMeetsTheFakeChainsOnlyAfterTheOsStoreIsMirrored() {
        try (AtsClientContainer app = new AtsClientContainer(IMAGE)) {
            app.start();
            app.copyFileToContainer(MountableFile.forClasspathResource(PROBE.replace('.', '/') + ".class"),
                    "/probe/" + PROBE.replace('.', '/') + ".class");
            HandshakeOutcome before = java(app, "ats-root-ca-1");

            List<RealAtsRoot> swapped = app.mirrorAtsTrust();

            assertThat(before.rejectionReason()).as("Debian's cacerts holds the real roots only: %s", before).contains(RejectionReason.UNTRUSTED_ROOT);
            assertThat(swapped).containsExactlyInAnyOrder(RealAtsRoot.values());
            for (String scenario : List.of("ats-root-ca-1", "ats-root-ca-3", "ats-acm-2024")) {
                HandshakeOutcome outcome = java(app, scenario);
                assertThat(outcome.accepted()).as("%s with the mirrored store: %s", scenario, outcome).isTrue();
            }
            assertThat(java(app, "untrusted-root").rejectionReason()).contains(RejectionReason.UNTRUSTED_ROOT);
        }
    }

    private static HandshakeOutcome java(AtsClientContainer app, String scenario) {
        return app.run("java", "-cp", "/probe", PROBE, servers.endpoint(scenario).uri().toString());
    }
}
