package io.github.atstrust.testkit.server;

import io.github.atstrust.testkit.scenario.Scenario;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.server.Server;

/**
 * Every scenario served over real TLS on loopback by one embedded Jetty server: one TLS connector per
 * scenario on an ephemeral port (HTTP/2 and HTTP/1.1 over TLS 1.2/1.3), plus a plain-HTTP connector with
 * an index page, CRLs and an OCSP responder. Ready when {@link #start()} returns; {@link #close()} frees
 * every port and thread.
 *
 * <pre>
 * try (AtsServers servers = AtsServers.start()) {
 *     URI uri = servers.endpoint("ats-root-ca-3").uri();
 * }
 * </pre>
 */
public final class AtsServers implements AutoCloseable {

    /** Connections to {@code stalled-handshake} are closed after this long unless configured otherwise. */
    public static final Duration DEFAULT_STALL_LIMIT = Duration.ofSeconds(30);

    /** A TLS connection whose handshake has not completed after this long is closed, unless configured otherwise. */
    public static final Duration DEFAULT_HANDSHAKE_DEADLINE = Duration.ofSeconds(5);

    /**
     * How long a connection may take, after its handshake or its previous request, to complete a request (an SMTP
     * session, to end) before it is closed: 30 seconds, as Jetty's idle timeout, so only a trickling client notices.
     */
    public static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofSeconds(30);

    private final Server server;
    private final Map<String, AtsEndpoint> endpoints;
    private final Map<String, AtsEndpoint> smtp;
    private final Map<String, AtsEndpoint> smtps;
    private final MailServers mail;
    private final URI indexUri;

    AtsServers(Server server, Map<String, AtsEndpoint> endpoints, MailServers mail, URI indexUri) {
        this.server = server;
        this.endpoints = endpoints;
        this.smtp = mail == null ? Map.of() : mail.smtp();
        this.smtps = mail == null ? Map.of() : mail.smtps();
        this.mail = mail;
        this.indexUri = indexUri;
    }

    /**
     * Starts every built-in scenario on 127.0.0.1 with the defaults of {@link #builder()}.
     *
     * <pre>try (AtsServers servers = AtsServers.start()) { URI uri = servers.endpoint("untrusted-root").uri(); }</pre>
     *
     * @return the running servers; close them when done
     * @throws UncheckedIOException when a port cannot be bound
     */
    public static AtsServers start() {
        return builder().start();
    }

    /**
     * Options for the servers: which scenarios, where to bind, deadlines.
     *
     * <pre>AtsServers servers = AtsServers.builder().only(Set.of("ats-root-ca-1", "untrusted-root")).start();</pre>
     *
     * @return a builder with the defaults: built-in scenarios, 127.0.0.1, ephemeral ports
     */
    public static AtsServersBuilder builder() {
        return new AtsServersBuilder();
    }

    /** {@return the running endpoints, in catalogue order} */
    public List<AtsEndpoint> endpoints() {
        return List.copyOf(endpoints.values());
    }

    /**
     * The endpoint serving this scenario.
     *
     * @param scenarioId e.g. {@code untrusted-root}
     * @return the running endpoint
     * @throws IllegalArgumentException listing the running ids when there is none
     */
    public AtsEndpoint endpoint(String scenarioId) {
        AtsEndpoint endpoint = endpoints.get(scenarioId);
        if (endpoint == null) {
            throw new IllegalArgumentException("no running scenario '" + scenarioId + "'; running: "
                    + String.join(", ", endpoints.keySet()));
        }
        return endpoint;
    }

    /**
     * The STARTTLS mail server of a mail scenario: the greeting and EHLO in the clear, then TLS with the scenario's
     * chain before any mail (like SES on ports 25, 587 and 2587).
     *
     * @param scenarioId a scenario {@linkplain Scenario#servedOverSmtp() served over SMTP}
     * @return the endpoint, {@code smtp://localhost:PORT}
     * @throws IllegalArgumentException naming the mail scenarios, or saying how to turn mail on
     */
    public AtsEndpoint smtp(String scenarioId) {
        return mailEndpoint(smtp, scenarioId);
    }

    /**
     * The TLS wrapper mode mail server of a mail scenario: TLS with the scenario's chain from the first byte
     * (like SES on ports 465 and 2465).
     *
     * @param scenarioId a scenario {@linkplain Scenario#servedOverSmtp() served over SMTP}
     * @return the endpoint, {@code smtps://localhost:PORT}
     * @throws IllegalArgumentException naming the mail scenarios, or saying how to turn mail on
     */
    public AtsEndpoint smtps(String scenarioId) {
        return mailEndpoint(smtps, scenarioId);
    }

    /**
     * Whether {@link AtsServersBuilder#mail()} can start the mail servers: SubEthaSMTP and Jakarta Mail are on the
     * classpath (the kit declares them optional). Checked without loading the kit's mail classes.
     *
     * @return {@code true} when both are there
     */
    public static boolean mailAvailable() {
        ClassLoader loader = AtsServers.class.getClassLoader();
        try {
            Class.forName("org.subethamail.smtp.server.SMTPServer", false, loader);
            Class.forName("jakarta.mail.internet.InternetAddress", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    /** {@return every running mail endpoint, STARTTLS then TLS wrapper mode per scenario; empty unless mail is on} */
    public List<AtsEndpoint> mailEndpoints() {
        List<AtsEndpoint> all = new ArrayList<>();
        smtp.forEach((id, endpoint) -> {
            all.add(endpoint);
            all.add(smtps.get(id));
        });
        return all;
    }

    private AtsEndpoint mailEndpoint(Map<String, AtsEndpoint> servers, String scenarioId) {
        if (smtp.isEmpty()) {
            throw new IllegalArgumentException("no mail servers are running: start with AtsServers.builder().mail() "
                    + "(serve has it on unless --no-mail), with com.github.davidmoten:subethasmtp on the classpath");
        }
        AtsEndpoint endpoint = servers.get(scenarioId);
        if (endpoint == null) {
            throw new IllegalArgumentException("no mail server for '" + scenarioId + "'; mail scenarios running: "
                    + String.join(", ", servers.keySet()));
        }
        return endpoint;
    }

    /** {@return the plain-HTTP index page listing every scenario (also the base of the CRL and OCSP URLs)} */
    public URI indexUri() {
        return indexUri;
    }

    /** Stops every connector and releases the ports; the endpoints stop answering. */
    @Override
    public void close() {
        try {
            if (mail != null) {
                mail.close();
            }
            server.stop();
            server.destroy();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the scenario servers cleanly", e);
        }
    }
}
