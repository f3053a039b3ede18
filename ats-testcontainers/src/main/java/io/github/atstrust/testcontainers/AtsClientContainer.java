package io.github.atstrust.testcontainers;

import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.probe.ProbeTarget;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * A client machine in a container: host networking (so it reaches the kit's loopback servers), the kit's
 * exported trust material mounted read-only at {@value #TRUST_DIR}, and helpers that run {@code curl} or
 * {@code openssl s_client} inside it and turn the result into a {@link HandshakeOutcome}.
 *
 * <pre>
 * try (AtsClientContainer client = new AtsClientContainer().withTrustMaterial(exportDir)) {
 *     client.start();
 *     HandshakeOutcome outcome = client.curl(endpoint.uri(), "--cacert", "/ats/all-ats.pem");
 * }
 * </pre>
 */
public class AtsClientContainer extends GenericContainer<AtsClientContainer> {

    /** The image {@code containers/build-client-image.sh} builds: Debian bookworm with curl, openssl, ca-certificates. */
    public static final String DEFAULT_IMAGE = "ats-client:bookworm";
    /** Where {@link #withTrustMaterial(Path)} mounts an export. */
    public static final String TRUST_DIR = "/ats";

    public AtsClientContainer() {
        this(DEFAULT_IMAGE);
    }

    public AtsClientContainer(String image) {
        super(DockerImageName.parse(image));
        withNetworkMode("host");
        withCommand("sleep", "infinity");
    }

    /**
     * Mounts a {@code TrustMaterialExport} directory read-only at {@value #TRUST_DIR}. The bind is set on the
     * create command itself: Testcontainers' own {@code withFileSystemBind} first checks that mounting works by
     * starting an {@code alpine} container, which means a registry pull, and no registry is reachable offline.
     */
    public AtsClientContainer withTrustMaterial(Path exportDir) {
        Bind bind = new Bind(exportDir.toAbsolutePath().toString(), new Volume(TRUST_DIR), AccessMode.ro);
        return withCreateContainerCmdModifier(create -> create.getHostConfig().withBinds(bind));
    }

    /** {@code curl -sS -o /dev/null --max-time 10 [options] url} inside the container. */
    public HandshakeOutcome curl(URI url, String... options) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-o", "/dev/null", "--max-time", "10"));
        command.addAll(List.of(options));
        command.add(url.toString());
        int port = url.getPort() == -1 ? 443 : url.getPort();
        return judge(new ProbeTarget(url.getHost() + ":" + port, false), command.toArray(String[]::new));
    }

    /**
     * A TLS client command inside the container (curl, {@code openssl s_client -verify_return_error}, …): exit 0
     * is an accepted handshake; otherwise its words say whether it was a rejection and why, or no verdict (e.g.
     * curl exit 7, "couldn't connect").
     */
    public HandshakeOutcome run(String... command) {
        return judge(ProbeTarget.UNKNOWN, command);
    }

    private HandshakeOutcome judge(ProbeTarget target, String... command) {
        long start = System.nanoTime();
        ExecResult result = exec(command);
        return HandshakeOutcome.ofCommand(result.getExitCode(), result.getStderr() + result.getStdout(),
                Duration.ofNanos(System.nanoTime() - start), target);
    }

    private ExecResult exec(String... command) {
        try {
            return execInContainer(command);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + " in " + getDockerImageName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    /**
     * Installs a CA certificate into the container's OS trust store the way the AWS guides say for
     * Debian/Ubuntu: copy it to {@code /usr/local/share/ca-certificates/<name>.crt} and run
     * {@code update-ca-certificates}. Touches the container only.
     */
    public AtsClientContainer installCaCertificate(Path pemFile, String name) {
        String target = "/usr/local/share/ca-certificates/" + name + ".crt";
        copyFileToContainer(MountableFile.forHostPath(pemFile), target);
        ExecResult update = exec("update-ca-certificates");
        if (update.getExitCode() != 0) {
            throw new IllegalStateException("update-ca-certificates failed in " + getDockerImageName() + " (exit "
                    + update.getExitCode() + "): " + (update.getStderr() + update.getStdout()).strip());
        }
        return this;
    }
}
