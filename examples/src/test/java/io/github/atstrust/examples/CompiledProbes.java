package io.github.atstrust.examples;

import static io.github.atstrust.junit.AtsAssertions.assertThat;

import io.github.atstrust.testkit.ProcessRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The small TLS clients of {@code src/test/resources/clients} that are built, not installed: C probes compiled with
 * gcc against the machine's libraries, and the rustls probe built by cargo from Debian's crate sources, offline. Built
 * during the test run, never committed as binaries.
 */
final class CompiledProbes {

    private static final Path SOURCES = Path.of("src/test/resources/clients");

    private CompiledProbes() {
    }

    /** Compiles {@code NAME.c} into {@code directory/NAME}, linking {@code libraries}. */
    static Path c(Path directory, String name, String... libraries) throws Exception {
        Path binary = directory.resolve(name);
        List<String> command = new ArrayList<>(List.of("gcc", "-O1", "-Wall", "-Werror", "-o", binary.toString(),
                SOURCES.resolve(name + ".c").toString()));
        command.addAll(List.of(libraries));
        ProcessRun build = ProcessRun.run(command);
        assertThat(build.exitCode()).as("%s: %s", command, build.output()).isZero();
        return binary;
    }

    /**
     * Builds the cargo project {@code NAME} from a copy (cargo writes its lock file beside the manifest) into
     * {@code target/NAME}, where a second run of the same checkout finds it built.
     */
    static Path rust(Path directory, String name) throws Exception {
        Path project = directory.resolve(name);
        copy(SOURCES.resolve(name), project);
        Path targetDirectory = Path.of("target", name).toAbsolutePath();
        String command = "cd '" + project + "' && CARGO_TARGET_DIR='" + targetDirectory + "' cargo build --offline --quiet";
        ProcessRun build = ProcessRun.run(List.of("sh", "-c", command));
        assertThat(build.exitCode()).as("%s: %s", command, build.output()).isZero();
        return targetDirectory.resolve("debug").resolve(name);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(file -> {
                try {
                    Path copy = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
