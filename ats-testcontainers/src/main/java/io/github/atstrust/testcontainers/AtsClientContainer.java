package io.github.atstrust.testcontainers;

import io.github.atstrust.testkit.pki.RealAtsRoot;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.images.builder.Transferable;
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

    /** A client container of {@value #DEFAULT_IMAGE}, built locally by {@code containers/build-client-image.sh}. */
    public AtsClientContainer() {
        this(DEFAULT_IMAGE);
    }

    /**
     * A client container of any local image with a shell (it runs {@code sleep infinity}), on the host network.
     *
     * @param image e.g. {@code ats-client:bookworm} or the user's own application image
     */
    public AtsClientContainer(String image) {
        super(DockerImageName.parse(image));
        withNetworkMode("host");
        withCommand("sleep", "infinity");
    }

    /**
     * Mounts a directory of trust material read-only at {@value #TRUST_DIR}: what {@code ./ats export --dir DIR}
     * writes, or PEM bundles written with {@code TrustProfile.writePemBundle}. The bind is set on the create
     * command itself: Testcontainers' own {@code withFileSystemBind} first checks that mounting works by starting an
     * {@code alpine} container, which means a registry pull, and no registry is reachable offline.
     *
     * @param exportDir a directory on the host
     * @return this container
     */
    public AtsClientContainer withTrustMaterial(Path exportDir) {
        Bind bind = new Bind(exportDir.toAbsolutePath().toString(), new Volume(TRUST_DIR), AccessMode.ro);
        return withCreateContainerCmdModifier(create -> create.getHostConfig().withBinds(bind));
    }

    /**
     * Runs {@code curl -sS -o /dev/null --max-time 10 [options] URI} against a kit endpoint inside the container and
     * judges how it ended as the endpoint does ({@link AtsEndpoint#judgeCommand}): knowing what the server sends, an
     * incomplete chain is {@code INCOMPLETE_CHAIN}, not the "unknown issuer" curl words it as.
     *
     * @param endpoint e.g. {@code servers.endpoint("ats-root-ca-1")}
     * @param options  e.g. {@code "--cacert", "/ats/all-ats.pem"}
     * @return accepted, rejected with a reason, or no verdict (curl exit 7: connection refused)
     */
    public HandshakeOutcome curl(AtsEndpoint endpoint, String... options) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-o", "/dev/null", "--max-time", "10"));
        command.addAll(List.of(options));
        command.add(endpoint.uri().toString());
        long start = System.nanoTime();
        ExecResult result = exec(command.toArray(String[]::new));
        return endpoint.judgeCommand(result.getExitCode(), result.getStderr() + result.getStdout(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * A TLS client command inside the container (curl, {@code openssl s_client -verify_return_error}, …): exit 0
     * is an accepted handshake; otherwise its words say whether it was a rejection and why, or no verdict (e.g.
     * curl exit 7, "couldn't connect").
     *
     * @param command the command and its arguments, e.g. {@code "sh", "-c", "openssl s_client … </dev/null"}
     * @return accepted, rejected with a reason, or no verdict
     */
    public HandshakeOutcome run(String... command) {
        long start = System.nanoTime();
        ExecResult result = exec(command);
        return HandshakeOutcome.ofCommand(result.getExitCode(), result.getStderr() + result.getStdout(),
                Duration.ofNanos(System.nanoTime() - start), "", false);
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
     *
     * @param pemFile a PEM certificate on the host
     * @param name    the file name to give it, without {@code .crt}
     * @return this container
     * @throws IllegalStateException with the command's output when {@code update-ca-certificates} fails
     */
    public AtsClientContainer installCaCertificate(Path pemFile, String name) {
        copyFileToContainer(MountableFile.forHostPath(pemFile), "/usr/local/share/ca-certificates/" + name + ".crt");
        return updateCaCertificates();
    }

    /**
     * Installs a CA certificate the way the Alexa guide says for Raspbian: copy it to
     * {@code /usr/share/ca-certificates/<name>.crt}, append {@code <name>.crt} to {@code /etc/ca-certificates.conf}
     * (certificates there are trusted only when that file lists them), and run {@code update-ca-certificates}.
     * Touches the container only.
     *
     * @param pemFile a PEM certificate on the host
     * @param name    the file name to give it, without {@code .crt}
     * @return this container
     * @throws IllegalStateException with the command's output when a step fails
     */
    public AtsClientContainer installCaCertificateRaspbian(Path pemFile, String name) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("certificate name '" + name + "': use letters, digits, '.', '_' and '-'");
        }
        copyFileToContainer(MountableFile.forHostPath(pemFile), "/usr/share/ca-certificates/" + name + ".crt");
        ExecResult listed = exec("sh", "-c", "echo " + name + ".crt >> /etc/ca-certificates.conf");
        if (listed.getExitCode() != 0) {
            throw new IllegalStateException("cannot list " + name + ".crt in /etc/ca-certificates.conf of "
                    + getDockerImageName() + ": " + (listed.getStderr() + listed.getStdout()).strip());
        }
        return updateCaCertificates();
    }

    /**
     * The OS counterpart of {@code TrustProfile.mirrorOf}: swaps each real ATS root in this container's OS trust
     * store for its fake twin, and nothing else, the Debian/Ubuntu way: the real root's line in
     * {@code /etc/ca-certificates.conf} is deselected ({@code !name}), the twin goes to
     * {@code /usr/local/share/ca-certificates/}, then {@code update-ca-certificates --fresh} (whose hooks also
     * regenerate a Debian JVM's {@code cacerts}). An application image configured as in production then meets
     * the kit's chains as it would meet AWS's. Touches the container only.
     *
     * <pre>
     * try (AtsClientContainer app = new AtsClientContainer("my-app:latest")) {
     *     app.start();
     *     List&lt;RealAtsRoot&gt; swapped = app.mirrorAtsTrust();
     * }
     * </pre>
     *
     * @return the real roots that were in the store and now are replaced by their twins
     * @throws IllegalStateException when the image has no Debian-style {@code /etc/ca-certificates.conf}, or a
     *                               step fails (with its output)
     */
    public List<RealAtsRoot> mirrorAtsTrust() {
        ExecResult listed = exec("sh", "-c", "test -f /etc/ca-certificates.conf || exit 3; "
                + "grep -v '^[#!]' /etc/ca-certificates.conf | while read -r name; do "
                + "[ -f \"/usr/share/ca-certificates/$name\" ] && echo \"=== $name\" && cat \"/usr/share/ca-certificates/$name\"; done");
        if (listed.getExitCode() == 3) {
            throw new IllegalStateException(getDockerImageName() + " has no /etc/ca-certificates.conf: mirrorAtsTrust "
                    + "knows the Debian/Ubuntu ca-certificates layout only");
        }
        List<RealAtsRoot> swapped = new ArrayList<>();
        StringBuilder deselect = new StringBuilder();
        for (String section : listed.getStdout().split("(?m)^=== ")) {
            int end = section.indexOf('\n');
            if (end < 0) {
                continue;
            }
            String name = section.substring(0, end).strip();
            X509Certificate certificate = certificate(section.substring(end + 1));
            for (RealAtsRoot root : RealAtsRoot.values()) {
                if (certificate != null && root.isSameAnchor(certificate) && !swapped.contains(root)) {
                    swapped.add(root);
                    deselect.append("sed -i 's|^").append(name).append("$|!").append(name)
                            .append("|' /etc/ca-certificates.conf && ");
                }
            }
        }
        for (RealAtsRoot root : swapped) {
            copyFileToContainer(Transferable.of(TrustProfiles.byId(root.id()).pemBundle().getBytes(StandardCharsets.US_ASCII)),
                    "/usr/local/share/ca-certificates/ats-trust-kit-fake-" + root.id() + ".crt");
        }
        ExecResult update = exec("sh", "-c", deselect + "update-ca-certificates --fresh");
        if (update.getExitCode() != 0) {
            throw new IllegalStateException("mirroring the ATS roots failed in " + getDockerImageName() + " (exit "
                    + update.getExitCode() + "): " + (update.getStderr() + update.getStdout()).strip());
        }
        return List.copyOf(swapped);
    }

    private static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException unreadable) {
            return null;
        }
    }

    private AtsClientContainer updateCaCertificates() {
        ExecResult update = exec("update-ca-certificates");
        if (update.getExitCode() != 0) {
            throw new IllegalStateException("update-ca-certificates failed in " + getDockerImageName() + " (exit "
                    + update.getExitCode() + "): " + (update.getStderr() + update.getStdout()).strip());
        }
        return this;
    }
}
