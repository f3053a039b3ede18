package io.github.atstrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testcontainers.RequiresDocker;
import io.github.atstrust.testkit.ProcessRun;
import io.github.atstrust.testkit.TestPem;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit docker:IMAGE} never reads past the image (#24 item 7): a link in the image is followed inside
 * the image, never on the host; a FIFO or a link to a device is refused unread; {@code --max-size} applies. The
 * images are made here with {@code docker import} from a tar of a directory, so no registry is needed.
 */
@RequiresDocker
class AuditHostileImageTest {

    private static final String BUNDLE = "etc/ssl/certs/ca-certificates.crt";
    private static final List<String> IMAGES = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterAll
    static void removeImages() throws Exception {
        for (String image : IMAGES) {
            ProcessRun.run(List.of("docker", "rmi", "-f", image));
        }
    }

    @Test
    void aBundleLinkingToAHostPathIsAuditedInsideTheImageWhereThatPathIsMissing() throws Exception {
        Path hostBundle = Files.writeString(dir.resolve("host-bundle.pem"), realRoots());
        String image = image("host-link", root -> link(root, BUNDLE, hostBundle.toString()));

        CliRun run = CliRun.of("audit", "docker:" + image);

        assertThat(run.exitCode()).as(run.out()).isEqualTo(2);
        assertThat(run.err()).contains(hostBundle.toString()).contains("not in the image");
        assertThat(run.out()).doesNotContain("READY");
    }

    @Test
    void aBundleLinkingToDevZeroIsRefusedAtOnce() throws Exception {
        String image = image("dev-zero", root -> link(root, BUNDLE, "/dev/zero"));

        CliRun run = CliRun.of("audit", "docker:" + image);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("/dev/zero");
    }

    @Test
    void aFifoAsTheBundleIsRefusedUnreadAndNothingIsLeftBehind() throws Exception {
        String image = image("fifo", root -> {
            Files.createDirectories(root.resolve(BUNDLE).getParent());
            assertThat(ProcessRun.run(List.of("mkfifo", root.resolve(BUNDLE).toString())).exitCode()).isZero();
        });
        String containersBefore = containers();

        CliRun run = CliRun.of("audit", "docker:" + image);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("a FIFO").contains("nothing was read");
        assertThat(containers()).as("the created container is removed").isEqualTo(containersBefore);
    }

    @Test
    void aRelativeLinkChainInsideTheImageIsFollowedToItsBundle() throws Exception {
        String image = image("chain", root -> {
            Files.createDirectories(root.resolve("usr/share/ca"));
            Files.writeString(root.resolve("usr/share/ca/bundle.pem"), realRoots());
            link(root, "etc/ssl/bundle.pem", "../../usr/share/ca/bundle.pem");
            link(root, BUNDLE, "../bundle.pem");
        });

        CliRun run = CliRun.of("audit", "docker:" + image);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("/" + BUNDLE + " -> /usr/share/ca/bundle.pem").contains("Verdict: READY");
    }

    @Test
    void theSizeLimitAppliesToAnImagesBundle() throws Exception {
        String image = image("big", root -> {
            Files.createDirectories(root.resolve(BUNDLE).getParent());
            Files.write(root.resolve(BUNDLE), new byte[2 * 1024 * 1024]);
        });

        CliRun run = CliRun.of("audit", "--max-size", "1", "docker:" + image);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("2097152 bytes, over the limit of 1048576").contains("--max-size");
    }

    @Test
    void theDoctorOnAnImageWithoutAShellSaysSoInOneRowAndStillAuditsItsBundle() throws Exception {
        String image = image("no-shell", root -> {
            Files.createDirectories(root.resolve(BUNDLE).getParent());
            Files.writeString(root.resolve(BUNDLE), realRoots());
        });
        String before = containers();

        CliRun run = CliRun.of("doctor", "docker:" + image);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("TLS stacks of docker:" + image + ": 1 present, 0 absent")
                .contains("PROBLEM: docker:" + image + " has no /bin/sh, so no program in it can be asked which store "
                        + "it reads; only its OS bundle was read")
                .contains("audit:   READY");
        assertThat(containers()).as("no container left behind").isEqualTo(before);
    }

    interface Layout {
        void make(Path root) throws Exception;
    }

    private String image(String name, Layout layout) throws Exception {
        Path root = Files.createDirectory(dir.resolve("root-" + name));
        layout.make(root);
        String image = "ats-hostile-" + name + ":test";
        ProcessRun imported = ProcessRun.run(List.of("bash", "-c", "tar -C '" + root + "' -cf - . | docker import - " + image));
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        IMAGES.add(image);
        return image;
    }

    private static void link(Path root, String at, String target) throws Exception {
        Files.createDirectories(root.resolve(at).getParent());
        Files.createSymbolicLink(root.resolve(at), Path.of(target));
    }

    private static String realRoots() {
        return TestPem.encode(Arrays.stream(RealAtsRoot.values()).map(RealAtsRoot::certificate).toList());
    }

    private static String containers() throws Exception {
        return ProcessRun.run(List.of("docker", "ps", "-aq")).output();
    }
}
