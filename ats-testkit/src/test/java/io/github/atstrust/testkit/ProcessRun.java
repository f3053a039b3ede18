package io.github.atstrust.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A finished external command: exit code and merged output. */
public record ProcessRun(int exitCode, String output) {

    public static ProcessRun run(List<String> command) throws IOException, InterruptedException {
        return finish(new ProcessBuilder(command), command);
    }

    /**
     * Runs a command with exactly this environment (nothing inherited) and nothing on its standard input, as a
     * program started by a clean shell would see it.
     */
    public static ProcessRun run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        return finish(builder, command);
    }

    /** Reads the output while waiting, so that a program that never closes it still times out after 60 s. */
    private static ProcessRun finish(ProcessBuilder builder, List<String> command)
            throws IOException, InterruptedException {
        Process process = builder.redirectErrorStream(true).start();
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getInputStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return new ProcessRun(process.exitValue(), new String(output.join(), StandardCharsets.UTF_8));
    }
}
