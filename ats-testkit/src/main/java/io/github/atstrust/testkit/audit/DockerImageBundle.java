package io.github.atstrust.testkit.audit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the OS CA bundle of a Docker image with the {@code docker} command: create a container (never started),
 * stream the bundle out as a tar ({@code docker cp CONTAINER:PATH -}), remove the container. Nothing runs inside
 * the image, a missing image is an error, never a pull, and nothing on the host is read in the image's name: a
 * link in the image is followed inside the image (at most 8 hops), a device or FIFO is refused unread, and at
 * most the source's size limit is read.
 */
final class DockerImageBundle {

    private static final int MAX_LINKS = 8;
    private static final long TIMEOUT_SECONDS = 120;

    private DockerImageBundle() {
    }

    static LoadedTrustStore read(ImageTrustStore image) {
        String source = image.toString();
        // inspect first: `docker create` would try to pull a missing image from a registry
        docker(source, "image", "inspect", "--format", "{{.Id}}", image.image());
        String container = docker(source, "create", image.image(), "true").strip();
        try {
            for (String bundle : TrustStoreSource.IMAGE_BUNDLES) {
                Optional<Resolved> found = resolve(source, container, bundle, image.maxBytes());
                if (found.isPresent()) {
                    Resolved file = found.get();
                    if (!TrustStoreReader.looksLikePem(file.content())) {
                        throw new InvalidTrustStoreException(source + ": " + file.describe() + " is not a PEM bundle; "
                                + "install ca-certificates in the image");
                    }
                    LoadedTrustStore loaded = TrustStoreReader.readPemBundle(Path.of(file.path()),
                            new String(file.content(), StandardCharsets.US_ASCII));
                    return loaded.describedAs(source + " (" + file.describe() + ", " + loaded.entries().size()
                            + " certificates)");
                }
            }
            throw new InvalidTrustStoreException(source + ": no CA bundle at "
                    + String.join(" or ", TrustStoreSource.IMAGE_BUNDLES) + "; install ca-certificates in the image");
        } finally {
            run("docker", "rm", "-f", container);
        }
    }

    /** A regular file of the image, reached from {@code named} over {@code path}'s links. */
    private record Resolved(String named, String path, byte[] content) {
        String describe() {
            return named.equals(path) ? path : named + " -> " + path;
        }
    }

    private static Optional<Resolved> resolve(String source, String container, String named, long limit) {
        String path = named;
        for (int hop = 0; hop <= MAX_LINKS; hop++) {
            Optional<TarEntry> copied = copyOut(source, container, path, limit);
            if (copied.isEmpty()) {
                if (hop == 0) {
                    return Optional.empty();
                }
                throw new InvalidTrustStoreException(source + ": " + named + " links to " + path
                        + ", which is not in the image (a dangling link); fix the image's CA bundle");
            }
            TarEntry entry = copied.get();
            if (entry.isRegularFile()) {
                return Optional.of(new Resolved(named, path, entry.content()));
            }
            if (!entry.isSymbolicLink()) {
                throw new InvalidTrustStoreException(source + ": " + (path.equals(named) ? named : named + " -> " + path)
                        + " in the image is " + entry.kind() + ", not a CA bundle; nothing was read from it");
            }
            Path here = Path.of(path);
            path = (entry.linkTarget().startsWith("/") ? Path.of(entry.linkTarget())
                    : here.getParent().resolve(entry.linkTarget())).normalize().toString();
        }
        throw new InvalidTrustStoreException(source + ": " + named + " passes more than " + MAX_LINKS
                + " links in the image; fix the image's CA bundle");
    }

    /** The first tar entry of {@code docker cp CONTAINER:PATH -}, or empty when the path is not in the image. */
    private static Optional<TarEntry> copyOut(String source, String container, String path, long limit) {
        Process process = null;
        File errors = null;
        try {
            errors = File.createTempFile("ats-docker-cp-", ".err");
            process = new ProcessBuilder("docker", "cp", container + ":" + path, "-").redirectError(errors).start();
            InputStream tar = process.getInputStream();
            CompletableFuture<TarEntry> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return TarEntry.first(tar, limit);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try {
                return Optional.of(read.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            } catch (ExecutionException failed) {
                Throwable cause = failed.getCause() instanceof java.io.UncheckedIOException unchecked
                        ? unchecked.getCause() : failed.getCause();
                if (cause instanceof TarEntry.TooLarge tooLarge) {
                    throw new InvalidTrustStoreException(source + ": " + path + " in the image is " + tooLarge.size
                            + " bytes, over the limit of " + limit + " bytes for a trust store; check the image, or "
                            + "raise the limit (--max-size MB)");
                }
                process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                String error = Files.readString(errors.toPath()).strip();
                if (error.contains("Could not find the file") || error.contains("No such container:path")) {
                    return Optional.empty();
                }
                throw new InvalidTrustStoreException(source + ": cannot copy " + path + " out of the image ("
                        + (error.isEmpty() ? String.valueOf(cause.getMessage()) : error.lines().reduce((a, b) -> b).orElse(error))
                        + ")");
            } catch (TimeoutException slow) {
                throw new InvalidTrustStoreException(source + ": docker cp of " + path + " gave nothing in "
                        + TIMEOUT_SECONDS + " s; is the Docker daemon responsive?");
            }
        } catch (IOException e) {
            throw new InvalidTrustStoreException(source + ": cannot run docker cp (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidTrustStoreException(source + ": interrupted while copying " + path, e);
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            if (errors != null) {
                errors.delete();
            }
        }
    }

    private static String docker(String source, String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = "docker";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Result result = run(command);
        if (result.exitCode != 0) {
            throw new InvalidTrustStoreException(source + ": " + (result.exitCode == -1
                    ? "the docker command is not available; install Docker or audit a file instead"
                    : result.output.strip().lines().reduce((a, b) -> b).orElse("docker failed")
                            + "; build or load the image first"));
        }
        return result.output;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readNBytes(1 << 20), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-2, "timed out");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-2, "interrupted");
        }
    }
}
