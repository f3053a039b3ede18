package io.github.atstrust.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A finished external command: exit code and merged output. */
public record ProcessRun(int exitCode, String output) {

    public static ProcessRun run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return new ProcessRun(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
