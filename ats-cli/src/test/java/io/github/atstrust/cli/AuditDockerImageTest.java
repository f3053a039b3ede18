package io.github.atstrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testcontainers.AtsClientContainer;
import io.github.atstrust.testcontainers.RequiresDocker;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code ats audit docker:IMAGE} against a real local image, through the real {@code docker} command. */
@RequiresDocker(images = AtsClientContainer.DEFAULT_IMAGE)
class AuditDockerImageTest {

    @Test
    void auditsTheOsBundleOfALocalImage() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = AtsCommand.execute(new String[] {"audit", "docker:" + AtsClientContainer.DEFAULT_IMAGE},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("docker:ats-client:bookworm").contains("Verdict: READY");
    }

    @Test
    void refusesAMissingImageWithoutPullingIt() {
        StringWriter err = new StringWriter();

        int exit = AtsCommand.execute(new String[] {"audit", "docker:ats-no-such-image:1"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("docker:ats-no-such-image:1").contains("No such image")
                .doesNotContain("registry");
    }
}
