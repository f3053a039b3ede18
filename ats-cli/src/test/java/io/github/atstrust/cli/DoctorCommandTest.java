package io.github.atstrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ats doctor} on this host: the table a person reads, the JSON whose shape is pinned, and bad sources. */
class DoctorCommandTest {

    /** The JSON's fields, in order; a change here is a change of the documented format (docs/doctor.md). */
    static final List<String> DOCTOR_FIELDS = List.of("source", "stacks");
    static final List<String> STACK_FIELDS = List.of("id", "name", "present", "version", "store", "rule", "fix", "problem",
            "verdict", "trustsAts", "audit");

    @Test
    void printsOneJsonObjectWhoseShapeIsPinnedAndWhoseExitCodeFollowsIt() throws Exception {
        CliRun run = CliRun.of("doctor", "--json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(names(json)).isEqualTo(DOCTOR_FIELDS);
        assertThat(json.get("source").asText()).isEqualTo("host");
        boolean healthy = true;
        for (JsonNode stack : json.get("stacks")) {
            assertThat(names(stack)).as(stack.get("id").asText()).isEqualTo(STACK_FIELDS);
            if (stack.get("present").asBoolean()) {
                healthy &= stack.get("problem").isNull() && (stack.get("trustsAts").isNull()
                        || stack.get("trustsAts").asBoolean());
            }
            if (!stack.get("audit").isNull()) {
                assertThat(stack.get("verdict").asText()).isEqualTo(stack.get("audit").get("verdict").asText());
                assertThat(stack.get("audit").has("anchors")).isTrue();
            }
        }
        assertThat(json.get("stacks")).extracting(s -> s.get("id").asText()).contains("openssl", "python-ssl",
                "requests", "botocore", "go", "aws-crt", "nss");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(healthy ? 0 : 1);
    }

    @Test
    void printsATableWithEachPresentStackAndItsFix() {
        CliRun run = CliRun.of("doctor");

        assertThat(run.out()).startsWith("TLS stacks of this host: ").contains("STACK").contains("STORE IT READS BY "
                + "DEFAULT").contains("OpenSSL default paths").contains("    why:     ").contains("    fix:     ")
                .contains("ats export --mirror STORE --out FILE");
    }

    @Test
    void refusesASourceItCannotExamineInOneLine() {
        CliRun file = CliRun.of("doctor", "/etc/ssl/certs/ca-certificates.crt");
        CliRun image = CliRun.of("doctor", "docker:ats-no-such-image:1");

        assertThat(file.exitCode()).isEqualTo(2);
        assertThat(file.err().strip()).doesNotContain("\n").contains("ats audit /etc/ssl/certs/ca-certificates.crt");
        assertThat(image.exitCode()).isEqualTo(2);
        assertThat(image.err().strip()).contains("docker:ats-no-such-image:1").doesNotContain("\tat ");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
