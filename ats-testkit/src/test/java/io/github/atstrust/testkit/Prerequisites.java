package io.github.atstrust.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Tools a test needs: missing ones abort the test with the reason, or fail it under {@code ATS_REQUIRE_ALL=1}
 * (as in CI, which installs them).
 */
public final class Prerequisites {

    private Prerequisites() {
    }

    /** Aborts (or fails under ATS_REQUIRE_ALL=1) unless {@code command --version}-like probing succeeds. */
    public static void requireTool(String tool, String... probe) {
        String[] command = new String[probe.length + 1];
        command[0] = tool;
        System.arraycopy(probe, 0, command, 1, probe.length);
        boolean present;
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            present = process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        if (!present) {
            String reason = tool + " is not installed (install it, e.g. apt-get install " + tool + ")";
            if ("1".equals(System.getenv("ATS_REQUIRE_ALL"))) {
                fail(reason + "; ATS_REQUIRE_ALL=1 forbids skipping");
            }
            Assumptions.abort(reason);
        }
    }
}
