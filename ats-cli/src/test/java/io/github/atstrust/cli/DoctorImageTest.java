package io.github.atstrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.atstrust.testcontainers.RequiresDocker;
import io.github.atstrust.testkit.ProcessRun;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ats doctor docker:IMAGE} on the kit's client image: the image's own stacks, in the pinned JSON. */
@RequiresDocker(images = DoctorImageTest.IMAGE)
class DoctorImageTest {

    static final String IMAGE = "ats-clients:bookworm";

    @Test
    void listsTheStacksOfTheImageAndWhichStoreEachReads() throws Exception {
        String before = ProcessRun.run(List.of("docker", "ps", "-aq")).output();

        CliRun run = CliRun.of("doctor", "--json", "docker:" + IMAGE);

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("source").asText()).isEqualTo("docker:" + IMAGE);
        Map<String, JsonNode> stacks = new HashMap<>();
        for (JsonNode stack : json.get("stacks")) {
            List<String> names = new java.util.ArrayList<>();
            stack.fieldNames().forEachRemaining(names::add);
            assertThat(names).isEqualTo(DoctorCommandTest.STACK_FIELDS);
            stacks.put(stack.get("id").asText(), stack);
        }
        JsonNode jdk = stacks.get("jdk:/usr/lib/jvm/java-17-openjdk-amd64");
        assertThat(jdk.get("version").asText()).startsWith("17.");
        assertThat(jdk.get("rule").asText()).contains("this JDK follows the OS store");
        assertThat(jdk.get("verdict").asText()).isEqualTo("READY");
        assertThat(stacks.get("node:/usr/bin/node").get("rule").asText()).contains("--openssl-use-def-ca-store");
        assertThat(stacks.get("requests").get("store").asText()).isEqualTo("/etc/ssl/certs/ca-certificates.crt");
        assertThat(stacks.get("python-ssl").get("audit").get("source").asText()).startsWith("docker:" + IMAGE + " ");
        assertThat(stacks.get("go").get("present").asBoolean()).isFalse();
        assertThat(stacks.get("botocore").get("present").asBoolean()).isFalse();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ProcessRun.run(List.of("docker", "ps", "-aq")).output()).as("the container is removed").isEqualTo(before);
    }
}
