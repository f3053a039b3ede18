package io.github.atstrust.testkit.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** This host, with the environment its programs would start with (the JVM's own, or one given for a test). */
record HostMachine(Map<String, String> environment) implements Machine {

    private static final long TIMEOUT_SECONDS = 10;

    HostMachine {
        environment = Map.copyOf(environment);
    }

    @Override
    public String describe() {
        return "this host";
    }

    @Override
    public boolean isHost() {
        return true;
    }

    @Override
    public Optional<String> which(String program) {
        for (String dir : env("PATH").orElse("/usr/local/bin:/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath().toString());
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Output> run(List<String> command) {
        return run(command, TIMEOUT_SECONDS);
    }

    Optional<Output> run(List<String> command, long timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
            String out = drain(process.getInputStream());
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                return Optional.empty();
            }
            return Optional.of(new Output(process.exitValue(), out, err.join()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            process.destroyForcibly();
        }
    }

    static String drain(InputStream in) {
        return new String(bounded(in), StandardCharsets.UTF_8);
    }

    /** At most {@link #MAX_BYTES} + 1 bytes of {@code in} (so that more can be told apart); the rest is discarded. */
    static byte[] bounded(InputStream in) {
        try (in) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            in.transferTo(OutputSink.INSTANCE);
            return bytes;
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** Where output beyond the limit goes, so that the program is not blocked on a full pipe. */
    private static final class OutputSink extends java.io.OutputStream {
        static final OutputSink INSTANCE = new OutputSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    @Override
    public Optional<String> realPath(String path) {
        try {
            return Optional.of(Path.of(path).toRealPath().toString());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean isFile(String path) {
        return Files.isRegularFile(Path.of(path));
    }

    @Override
    public boolean isDirectory(String path) {
        return Files.isDirectory(Path.of(path));
    }

    @Override
    public boolean isLink(String path) {
        return Files.isSymbolicLink(Path.of(path));
    }

    @Override
    public List<String> list(String directory) {
        try (Stream<Path> entries = Files.list(Path.of(directory))) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    @Override
    public byte[] read(String path) {
        Path file = Path.of(path);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(path + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(path + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (!attributes.isRegularFile()) {
            throw new IllegalArgumentException(path + ": not a regular file");
        }
        if (attributes.size() > MAX_BYTES) {
            throw new IllegalArgumentException(path + ": " + attributes.size() + " bytes, more than a store can be ("
                    + MAX_BYTES + ")");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) MAX_BYTES);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IllegalArgumentException(path + ": permission denied");
        } catch (IOException e) {
            throw new IllegalArgumentException(path + ": cannot be read (" + e.getMessage() + ")");
        }
    }
}
