package io.github.atstrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.atstrust.testkit.live.LiveEndpoint;
import io.github.atstrust.testkit.live.LiveTwins;
import io.github.atstrust.testkit.server.AtsServers;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ats live} over every live id, offline: each real host name is served by a kit twin on loopback (a leaf for
 * that name, the verdict the guide expects) and reached through {@code --connect-to}, so the command checks
 * verdict, reason, status and body exactly as it would against AWS, without the internet.
 */
class LiveCommandTest {

    @TempDir
    static Path dir;
    private static AtsServers twins;
    private static List<String> connectTo;
    private static Path allAts;
    private static Path noAts;

    @BeforeAll
    static void startTheTwins() throws Exception {
        twins = LiveTwins.start();
        connectTo = LiveTwins.connectTo(twins);
        allAts = TrustProfiles.byId(TrustProfiles.ALL_ATS).writePemBundle(dir.resolve("all-ats.pem"));
        noAts = TrustProfiles.byId(TrustProfiles.NO_ATS).writePemBundle(dir.resolve("no-ats.pem"));
    }

    @AfterAll
    static void stop() {
        if (twins != null) {
            twins.close();
        }
    }

    @Test
    void everyLiveEndpointIsAsTheGuidesSayForAStoreHoldingTheAtsRoots() throws Exception {
        CliRun run = CliRun.of(args("--truststore", allAts.toString(), "--include-requiring", "--json"));
        CliRun table = CliRun.of(args("--truststore", allAts.toString(), "--include-requiring"));
        System.out.println(table.out());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JsonNode endpoints = new ObjectMapper().readTree(run.out()).get("endpoints");
        assertThat(endpoints).hasSize(LiveEndpoint.all().size());
        assertThat(endpoints).allSatisfy(e -> assertThat(e.get("agrees").asBoolean()).as(e.toString()).isTrue());
        assertThat(find(endpoints, "dynamodb-eu-west-3").get("status").asInt()).isEqualTo(200);
        assertThat(find(endpoints, "expired-sca1a").get("reason").asText()).isEqualTo("EXPIRED");
        assertThat(find(endpoints, "revoked-sca3a").get("reason").asText()).isEqualTo("REVOKED");
        assertThat(find(endpoints, "untrusted-root-badssl").get("reason").asText()).isEqualTo("UNTRUSTED_ROOT");
        assertThat(find(endpoints, "ses-smtp-us-east-1-starttls").get("got").asText()).isEqualTo("accept");
        assertThat(find(endpoints, "ses-smtp-us-east-1-tls").get("got").asText()).isEqualTo("accept");
        assertThat(table.out()).contains(LiveEndpoint.all().size() + " of " + LiveEndpoint.all().size()
                + " endpoints as the AWS guides say");
    }

    @Test
    void aStoreWithoutTheAtsRootsDiffersFromTheGuidesWithExit1() throws Exception {
        CliRun run = CliRun.of(args("--truststore", noAts.toString(), "--only", "dynamodb-eu-west-3,untrusted-root-badssl",
                "--json"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode endpoints = new ObjectMapper().readTree(run.out()).get("endpoints");
        assertThat(find(endpoints, "dynamodb-eu-west-3").get("reason").asText()).isEqualTo("UNTRUSTED_ROOT");
        assertThat(find(endpoints, "dynamodb-eu-west-3").get("agrees").asBoolean()).isFalse();
        assertThat(find(endpoints, "untrusted-root-badssl").get("agrees").asBoolean()).isTrue();
    }

    @Test
    void aChainIssuedToAnotherHostIsADisagreementNotAnAcceptance() {
        String dynamo = "dynamodb.eu-west-3.amazonaws.com:443:127.0.0.1:"
                + twins.endpoint("twin-dynamodb-streams-eu-west-3").port();

        CliRun run = CliRun.of("live", "--truststore", allAts.toString(), "--only", "dynamodb-eu-west-3",
                "--connect-to", dynamo);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("reject (HOSTNAME_MISMATCH)").contains("NO: expected accept");
    }

    @Test
    void anUnreachableEndpointIsNoVerdictWithItsOwnExitCode() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        CliRun run = CliRun.of("live", "--truststore", allAts.toString(), "--only", "dynamodb-eu-west-3",
                "--connect-to", "dynamodb.eu-west-3.amazonaws.com:443:127.0.0.1:" + closed);

        assertThat(run.exitCode()).isEqualTo(LiveCommand.UNREACHABLE);
        assertThat(run.out()).contains("no verdict").contains("connection refused");
    }

    @Test
    void anEndpointThatAcceptsButNeverAnswersIsUnreachableNotAVerdict() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("live", "--truststore", allAts.toString(), "--only", "dynamodb-eu-west-3",
                    "--timeout", "1", "--connect-to", "dynamodb.eu-west-3.amazonaws.com:443:127.0.0.1:" + silent.getLocalPort());

            assertThat(run.exitCode()).as(run.out()).isEqualTo(LiveCommand.UNREACHABLE);
            assertThat(run.out()).contains("TIMEOUT");
        }
    }

    @Test
    void connectToTakesAnIpv6TargetInBracketsAsCurlDoes() {
        ConnectTo routes = ConnectTo.parse(List.of("dynamodb.eu-west-3.amazonaws.com:443:[::1]:8443"));

        java.net.InetSocketAddress target = routes.target("dynamodb.eu-west-3.amazonaws.com", 443);

        assertThat(target.getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(target.getPort()).isEqualTo(8443);
        assertThat(target.getHostString()).isEqualTo("dynamodb.eu-west-3.amazonaws.com");
    }

    @Test
    void aMalformedConnectToIsBadInputNamingTheFix() {
        CliRun run = CliRun.of("live", "--only", "dynamodb-eu-west-3", "--connect-to", "dynamodb.eu-west-3.amazonaws.com:443");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--connect-to dynamodb.eu-west-3.amazonaws.com:443").contains("HOST:PORT:HOST2:PORT2");
    }

    private static String[] args(String... options) {
        List<String> all = new ArrayList<>(List.of("live"));
        all.addAll(List.of(options));
        connectTo.forEach(entry -> all.addAll(List.of("--connect-to", entry)));
        return all.toArray(String[]::new);
    }

    private static JsonNode find(JsonNode endpoints, String id) {
        for (JsonNode endpoint : endpoints) {
            if (endpoint.get("id").asText().equals(id)) {
                return endpoint;
            }
        }
        throw new AssertionError("no endpoint " + id + " in " + endpoints);
    }
}
