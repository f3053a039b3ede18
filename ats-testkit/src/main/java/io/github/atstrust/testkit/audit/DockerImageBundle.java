package io.github.atstrust.testkit.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Reads the OS CA bundle of a Docker image with the {@code docker} command: create a container (never started),
 * copy the bundle out, remove the container. Nothing runs inside the image, and a missing image is an error,
 * never a pull.
 */
final class DockerImageBundle {

    private DockerImageBundle() {
    }

    static LoadedTrustStore read(String image) {
        String source = "docker:" + image;
        // inspect first: `docker create` would try to pull a missing image from a registry
        docker(source, "image", "inspect", "--format", "{{.Id}}", image);
        String container = docker(source, "create", image, "true").strip();
        Path copy = null;
        try {
            copy = Files.createTempFile("ats-image-", ".pem");
            for (String bundle : TrustStoreSource.IMAGE_BUNDLES) {
                if (run("docker", "cp", container + ":" + bundle, copy.toString()).exitCode == 0) {
                    LoadedTrustStore loaded = TrustStoreReader.readPemBundle(copy,
                            Files.readString(copy, StandardCharsets.US_ASCII));
                    return loaded.describedAs(source + " (" + bundle + ", " + loaded.entries().size() + " certificates)");
                }
            }
            throw new InvalidTrustStoreException(source + ": no CA bundle at "
                    + String.join(" or ", TrustStoreSource.IMAGE_BUNDLES) + "; install ca-certificates in the image");
        } catch (IOException e) {
            throw new InvalidTrustStoreException(source + ": cannot copy the bundle out (" + e.getMessage() + ")", e);
        } finally {
            run("docker", "rm", "-f", container);
            if (copy != null) {
                copy.toFile().delete();
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
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
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
