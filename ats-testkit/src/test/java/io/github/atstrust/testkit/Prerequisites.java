package io.github.atstrust.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine: when it is missing the test is aborted with the reason, or failed under
 * {@code ATS_REQUIRE_ALL=1} (as in CI, which installs everything).
 */
public final class Prerequisites {

    private Prerequisites() {
    }

    /** Requires a program on the PATH; {@code probe} are harmless arguments to start it with. */
    public static void requireTool(String tool, String... probe) {
        String[] command = new String[probe.length + 1];
        command[0] = tool;
        System.arraycopy(probe, 0, command, 1, probe.length);
        boolean present;
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            present = process.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        require(present, tool + " is not installed (install it, e.g. apt-get install " + tool + ")");
    }

    /** Requires any other condition, e.g. a file a package installs. */
    public static void require(boolean present, String reasonWhenMissing) {
        if (present) {
            return;
        }
        if ("1".equals(System.getenv("ATS_REQUIRE_ALL"))) {
            fail(reasonWhenMissing + "; ATS_REQUIRE_ALL=1 forbids skipping");
        }
        Assumptions.abort(reasonWhenMissing);
    }
}
