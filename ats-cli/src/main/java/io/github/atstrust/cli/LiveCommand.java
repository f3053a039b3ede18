package io.github.atstrust.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.atstrust.testkit.live.LiveEndpoint;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.scenario.ClientSetting;
import io.github.atstrust.testkit.trust.TrustProfile;
import java.io.PrintWriter;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ats live}: meets the real endpoints of the AWS guides with a trust store and says, per endpoint, whether
 * what a correct client sees (verdict, reason, status, body) is what it got. The only command that contacts the
 * internet, and only when run.
 */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = "Check the real AWS test endpoints of the migration guides with a trust store.%n"
                + "Exit 0: every endpoint as the guides say; 1: an endpoint differs; 2: bad input; "
                + "4: no verdict for some endpoint (network unreachable, DNS, proxy).")
final class LiveCommand implements Callable<Integer> {

    /** Exit code when some endpoint could not be reached: the network, not the trust store, is the problem. */
    static final int UNREACHABLE = 4;

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreReadingOptions reading;

    @Option(names = "--truststore", paramLabel = "SOURCE", defaultValue = "jvm",
            description = "Trust store to check with: jvm (default), a file or directory, or docker:IMAGE.")
    private String truststore;

    @Option(names = "--only", split = ",", paramLabel = "ID", description = "Check only these endpoint ids.")
    private List<String> only = List.of();

    @Option(names = "--include-requiring", description = "Also check endpoints that need client settings: the "
            + "revoked ones (with revocation checking on for this run) and the SES SMTP ones.")
    private boolean includeRequiring;

    @Option(names = "--connect-to", paramLabel = "HOST:PORT:HOST2:PORT2",
            description = "As curl's --connect-to: connect to HOST2:PORT2 instead of HOST:PORT, still verifying HOST "
                    + "(repeatable), e.g. to reach the endpoints through a tunnel.")
    private List<String> connectTo = List.of();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Per endpoint: connect and answer within this long (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        if (timeoutSeconds <= 0) {
            throw new IllegalArgumentException("--timeout " + timeoutSeconds + ": give a positive number of seconds");
        }
        List<LiveEndpoint> endpoints = selected();
        ConnectTo routes = ConnectTo.parse(connectTo);
        TrustProfile trust = TrustProfile.of("truststore", truststore, certificates(reading.source(truststore).toKeyStore()));
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        List<LiveProbe.Result> results = new ArrayList<>();
        for (LiveEndpoint endpoint : endpoints) {
            SSLContext context = endpoint.requires().contains(ClientSetting.REVOCATION_CHECKING)
                    ? trust.revocationCheckingSslContext() : trust.sslContext();
            results.add(LiveProbe.check(endpoint, context, routes, timeout));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(results));
        } else {
            table(results, out);
        }
        if (results.stream().anyMatch(r -> !r.agrees() && !unreached(r))) {
            return 1;
        }
        return results.stream().anyMatch(LiveCommand::unreached) ? UNREACHABLE : 0;
    }

    /**
     * Whether the endpoint gave no verdict: nothing answered at all, or it timed out where the guides expect a
     * verdict. A live endpoint that never answers is unreachable (exit 4), not a client refusing ATS (exit 1).
     */
    private static boolean unreached(LiveProbe.Result result) {
        boolean timedOut = result.outcome().rejectionReason().filter(RejectionReason.TIMEOUT::equals).isPresent()
                && result.endpoint().expected().reason() != RejectionReason.TIMEOUT;
        return result.outcome().hasNoVerdict() || timedOut;
    }

    private List<LiveEndpoint> selected() {
        if (!only.isEmpty()) {
            return only.stream().map(LiveEndpoint::byId).toList();
        }
        return LiveEndpoint.all().stream().filter(e -> includeRequiring || e.requires().isEmpty()).toList();
    }

    private static List<X509Certificate> certificates(KeyStore store) throws KeyStoreException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                certificates.add(certificate);
            }
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("the trust store holds no certificate to trust");
        }
        return certificates;
    }

    private static void table(List<LiveProbe.Result> results, PrintWriter out) {
        out.printf("%-30s %-24s %-34s %s%n", "ENDPOINT", "EXPECTED", "GOT", "AGREES");
        for (LiveProbe.Result result : results) {
            out.printf("%-30s %-24s %-34s %s%n", result.endpoint().id(), result.endpoint().expected(), got(result),
                    result.agrees() ? "yes" : "NO: " + result.disagreement());
        }
        long agreeing = results.stream().filter(LiveProbe.Result::agrees).count();
        out.printf("%n%d of %d endpoints as the AWS guides say.%n", agreeing, results.size());
    }

    private static String got(LiveProbe.Result result) {
        if (result.outcome().accepted()) {
            return "accept" + (result.status() == 0 ? "" : " (HTTP " + result.status() + ")");
        }
        return result.outcome().rejectionReason().map(reason -> "reject (" + reason + ")").orElse("no verdict");
    }

    private static String json(List<LiveProbe.Result> results) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LiveProbe.Result result : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", result.endpoint().id());
            row.put("url", result.endpoint().uri().toString());
            row.put("expected", result.endpoint().expected().verdict());
            row.put("expectedReason", result.endpoint().expected().reason() == null ? null : result.endpoint().expected().reason().name());
            row.put("got", result.outcome().accepted() ? "accept" : result.outcome().rejected() ? "reject" : "no verdict");
            row.put("reason", result.outcome().rejectionReason().map(Enum::name).orElse(null));
            row.put("noVerdict", result.outcome().noVerdictDescription().orElse(null));
            row.put("status", result.status() == 0 ? null : result.status());
            row.put("agrees", result.agrees());
            row.put("disagreement", result.disagreement());
            row.put("elapsedMillis", result.outcome().elapsed().toMillis());
            rows.add(row);
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(Map.of("endpoints", rows));
    }
}
