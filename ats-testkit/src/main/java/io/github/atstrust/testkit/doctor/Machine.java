package io.github.atstrust.testkit.doctor;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the doctor looks: this host or a container of an image. Everything is read, nothing written; paths are
 * the machine's own (in an image, links are followed inside the image).
 */
interface Machine {

    /** The most a store, a library scanned for its default paths or a command's output may be, in bytes. */
    long MAX_BYTES = 16L * 1024 * 1024;

    /** {@return e.g. {@code this host} or {@code docker:debian:bookworm}} */
    String describe();

    /** {@return the environment the machine's programs start with} */
    Map<String, String> environment();

    default Optional<String> env(String name) {
        return Optional.ofNullable(environment().get(name)).filter(value -> !value.isEmpty());
    }

    /** {@return the absolute path of a program on the machine's {@code PATH}} */
    Optional<String> which(String program);

    /** {@return how the program ended, or empty when it cannot start or takes longer than ten seconds} */
    Optional<Output> run(List<String> command);

    /** What a program printed (each stream at most {@link #MAX_BYTES}) and its exit code. */
    record Output(int exitCode, String out, String err) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** {@return the standard output of a program that succeeded} */
    default Optional<String> output(String... command) {
        return run(List.of(command)).filter(Output::succeeded).map(Output::out);
    }

    /** {@return the path with every link resolved, when it exists} */
    Optional<String> realPath(String path);

    /** {@return whether the path (links followed) is a regular file} */
    boolean isFile(String path);

    /** {@return whether the path (links followed) is a directory} */
    boolean isDirectory(String path);

    /** {@return the names in a directory, sorted; empty when it is none} */
    List<String> list(String directory);

    /** {@return whether the path itself is a link} */
    boolean isLink(String path);

    /**
     * Reads a regular file.
     *
     * @return at most {@link #MAX_BYTES}
     * @throws IllegalArgumentException naming the file and what is wrong (missing, unreadable, too large, not a file)
     */
    byte[] read(String path);

    /** {@return whether files are on this host, so that a store can be audited in place} */
    boolean isHost();

    static String home(Machine machine) {
        return machine.env("HOME").orElse("/root");
    }
}
