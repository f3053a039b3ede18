package io.github.atstrust.testkit.doctor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A container of a local image (never pulled), started with no network and only {@code sleep} running, in which
 * each question is one {@code docker exec}: paths, links and reads stay inside the image. Closed, the container
 * is removed.
 */
final class ImageMachine implements Machine, AutoCloseable {

    private static final Pattern IMAGE = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._/:@-]*");
    private static final long START_SECONDS = 120;

    private final String image;
    private final HostMachine docker;
    private final String container;
    private final Map<String, String> environment;

    private ImageMachine(String image, HostMachine docker, String container, Map<String, String> environment) {
        this.image = image;
        this.docker = docker;
        this.container = container;
        this.environment = environment;
    }

    /** Thrown when the image has no {@code /bin/sh}: only its files can be read, no program asked. */
    static final class NoShellException extends IllegalArgumentException {
        NoShellException(String message) {
            super(message);
        }
    }

    /**
     * Starts a container of the image.
     *
     * @throws IllegalArgumentException for a malformed or missing image, no {@code docker}, or no shell in the image
     */
    static ImageMachine start(String image) {
        if (!IMAGE.matcher(image).matches()) {
            throw new IllegalArgumentException("docker:" + image + ": not an image name; write docker:NAME[:TAG], e.g. "
                    + "docker:debian:bookworm");
        }
        HostMachine docker = new HostMachine(System.getenv());
        if (docker.which("docker").isEmpty()) {
            throw new IllegalArgumentException("docker:" + image + ": no docker command on this host; install Docker to "
                    + "examine an image");
        }
        Output inspected = docker.run(List.of("docker", "image", "inspect", "--format", "{{.Id}}", image), START_SECONDS)
                .orElseThrow(() -> new IllegalArgumentException("docker:" + image + ": docker did not answer in "
                        + START_SECONDS + " s; is the Docker engine running?"));
        if (!inspected.succeeded()) {
            throw new IllegalArgumentException("docker:" + image + ": no such local image (the doctor never pulls); "
                    + "build or pull it first (" + firstLine(inspected.err()) + ")");
        }
        Output started = docker.run(List.of("docker", "run", "-d", "--rm", "--network", "none", "--entrypoint", "/bin/sh",
                image, "-c", "sleep 600"), START_SECONDS).orElseThrow(() -> new IllegalArgumentException("docker:" + image
                + ": the container did not start in " + START_SECONDS + " s"));
        String container = started.out().strip();
        if (!started.succeeded()) {
            if (!container.isEmpty()) {
                docker.run(List.of("docker", "rm", "-f", container));
            }
            String why = firstLine(started.err());
            if (why.contains("/bin/sh") || why.contains("executable file not found")) {
                throw new NoShellException("docker:" + image + " has no /bin/sh, so no program in it can be asked which "
                        + "store it reads; only its OS bundle was read");
            }
            throw new IllegalArgumentException("docker:" + image + ": the container did not start (" + why + ")");
        }
        Map<String, String> environment = new LinkedHashMap<>();
        Optional<Output> env = docker.run(List.of("docker", "exec", container, "env"));
        env.filter(Output::succeeded).ifPresent(o -> o.out().lines().forEach(line -> {
            int eq = line.indexOf('=');
            if (eq > 0) {
                environment.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }));
        return new ImageMachine(image, docker, container, Map.copyOf(environment));
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("no reason given");
    }

    @Override
    public String describe() {
        return "docker:" + image;
    }

    @Override
    public boolean isHost() {
        return false;
    }

    @Override
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public Optional<String> which(String program) {
        return exec("sh", "-c", "command -v \"$1\"", "which", program).filter(Output::succeeded)
                .map(o -> o.out().strip()).filter(path -> path.startsWith("/"));
    }

    @Override
    public Optional<Output> run(List<String> command) {
        List<String> exec = new ArrayList<>(List.of("docker", "exec", container));
        exec.addAll(command);
        Optional<Output> output = docker.run(exec);
        // docker exec's own failure to start the program (exit 126/127) is "cannot run", as on the host
        return output.filter(o -> o.exitCode() != 126 && o.exitCode() != 127);
    }

    private Optional<Output> exec(String... command) {
        return run(Arrays.asList(command));
    }

    @Override
    public Optional<String> realPath(String path) {
        return exec("sh", "-c", "[ -e \"$1\" ] && readlink -f -- \"$1\"", "realpath", path).filter(Output::succeeded)
                .map(o -> o.out().strip()).filter(p -> !p.isEmpty());
    }

    @Override
    public boolean isFile(String path) {
        return exec("test", "-f", path).filter(Output::succeeded).isPresent();
    }

    @Override
    public boolean isDirectory(String path) {
        return exec("test", "-d", path).filter(Output::succeeded).isPresent();
    }

    @Override
    public boolean isLink(String path) {
        return exec("test", "-L", path).filter(Output::succeeded).isPresent();
    }

    @Override
    public List<String> list(String directory) {
        return exec("ls", "-1A", "--", directory).filter(Output::succeeded)
                .map(o -> o.out().lines().filter(l -> !l.isEmpty()).sorted().toList()).orElse(List.of());
    }

    @Override
    public byte[] read(String path) {
        if (!isFile(path)) {
            throw new IllegalArgumentException(describe() + " " + path + ": " + (realPath(path).isPresent()
                    ? "not a regular file" : "no such file"));
        }
        ProcessBuilder builder = new ProcessBuilder("docker", "exec", container, "cat", "--", path)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process process = builder.start();
            byte[] bytes = HostMachine.bounded(process.getInputStream());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalArgumentException(describe() + " " + path + ": cannot be read");
            }
            if (bytes.length > MAX_BYTES) {
                throw new IllegalArgumentException(describe() + " " + path + ": more than " + MAX_BYTES
                        + " bytes, more than a store can be");
            }
            return bytes;
        } catch (IOException e) {
            throw new IllegalArgumentException(describe() + " " + path + ": cannot be read (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException(describe() + " " + path + ": interrupted");
        }
    }

    @Override
    public void close() {
        docker.run(List.of("docker", "rm", "-f", container), START_SECONDS);
    }
}
