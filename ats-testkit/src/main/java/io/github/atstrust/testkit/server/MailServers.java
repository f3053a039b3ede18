package io.github.atstrust.testkit.server;

import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ServerBehaviour;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.subethamail.smtp.helper.SimpleMessageListener;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.SSLSocketCreator;

/**
 * SMTP servers for the mail scenarios, one pair per scenario as the SES SMTP interface offers them: STARTTLS
 * (TLS required before any mail, like ports 25/587/2587) and TLS wrapper mode (TLS from the first byte, like
 * 465/2465). Both present the scenario's chain; mail is accepted and dropped. SubEthaSMTP does the SMTP; this
 * class is used only after {@link AtsServers#mailAvailable()} said so, so SubEthaSMTP stays optional.
 */
final class MailServers implements AutoCloseable {

    /** Connections one mail server keeps at once; more are answered 421 and closed, so threads stay bounded. */
    static final int MAX_CONNECTIONS = 64;

    private final List<SMTPServer> running = new ArrayList<>();
    private final List<ExecutorService> executors = new ArrayList<>();
    private final InetAddress bind;
    private final String hostname;
    private final MailDeadlines deadlines;

    private final Map<String, AtsEndpoint> smtp = new LinkedHashMap<>();
    private final Map<String, AtsEndpoint> smtps = new LinkedHashMap<>();

    private MailServers(InetAddress bind, String hostname, MailDeadlines deadlines) {
        this.bind = bind;
        this.hostname = hostname;
        this.deadlines = deadlines;
    }

    /**
     * A STARTTLS and a TLS wrapper mode server for every scenario {@link Scenario#servedOverSmtp() served over SMTP}.
     * The TLS wrapper server of {@code stalled-handshake} is its HTTPS connector: accepting TCP and never answering
     * the ClientHello is the same before HTTP as before SMTP. Every TLS handshake has {@code handshakeDeadline},
     * every session (but stalled-handshake's, which keeps {@code stallLimit}) {@code sessionDeadline}.
     */
    static MailServers start(InetAddress bind, String hostname, ServedChains chains, Map<String, AtsEndpoint> https,
                             Duration stallLimit, Duration handshakeDeadline, Duration sessionDeadline) {
        MailServers servers = new MailServers(bind, hostname, new MailDeadlines(handshakeDeadline, sessionDeadline));
        try {
            for (AtsEndpoint endpoint : https.values()) {
                Scenario scenario = endpoint.scenario();
                if (!scenario.servedOverSmtp()) {
                    continue;
                }
                List<X509Certificate> chain = chains.of(scenario);
                if (scenario.behaviour() == ServerBehaviour.STALL_HANDSHAKE) {
                    servers.smtp.put(scenario.id(), servers.stallingStartTls(scenario, chain, stallLimit));
                    servers.smtps.put(scenario.id(), new AtsEndpoint(scenario, "smtps", endpoint.hostname(), endpoint.port(), chain));
                } else {
                    SSLContext tls = TlsConnectors.serverContext(chain, ServedChains.leafKey(scenario));
                    servers.smtp.put(scenario.id(), servers.startTls(scenario, chain, tls));
                    servers.smtps.put(scenario.id(), servers.implicitTls(scenario, chain, tls));
                }
            }
            return servers;
        } catch (RuntimeException e) {
            servers.close();
            throw e;
        }
    }

    /** {@return the STARTTLS servers by scenario id} */
    Map<String, AtsEndpoint> smtp() {
        return smtp;
    }

    /** {@return the TLS wrapper mode servers by scenario id} */
    Map<String, AtsEndpoint> smtps() {
        return smtps;
    }

    /** STARTTLS server: the greeting and EHLO in the clear, then TLS with {@code tls}; no mail before TLS. */
    private AtsEndpoint startTls(Scenario scenario, List<X509Certificate> chain, SSLContext tls) {
        SMTPServer server = builder(scenario, "starttls").sessionHandler(deadlines).enableTLS().requireTLS().hideTLS(false)
                .startTlsSocketFactory((SSLSocketCreator) socket -> deadlines.startTls(socket, tls)).build();
        return start(server, scenario, "smtp", chain);
    }

    /**
     * STARTTLS server for {@code stalled-handshake}: answers "220 Ready to start TLS", then never answers the
     * ClientHello and hangs up after {@code limit}.
     */
    private AtsEndpoint stallingStartTls(Scenario scenario, List<X509Certificate> chain, Duration limit) {
        SMTPServer server = builder(scenario, "starttls").enableTLS().requireTLS().hideTLS(false)
                .startTlsSocketFactory((SSLSocketCreator) socket -> stall(socket, limit)).build();
        return start(server, scenario, "smtp", chain);
    }

    /** TLS wrapper mode: the TLS handshake first, then SMTP inside it. */
    private AtsEndpoint implicitTls(Scenario scenario, List<X509Certificate> chain, SSLContext tls) {
        SMTPServer server = builder(scenario, "smtps").sessionHandler(deadlines).serverSocketFactory(() -> {
            SSLServerSocket socket = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
            socket.setUseClientMode(false);
            return socket;
        }).build();
        return start(server, scenario, "smtps", chain);
    }

    private SMTPServer.Builder builder(Scenario scenario, String kind) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "ats-smtp-" + kind + "-" + scenario.id() + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executors.add(executor);
        return SMTPServer.port(0).bindAddress(bind).hostName(hostname).softwareName("ATS Trust Kit (TEST ONLY)")
                .executorService(executor).connectionTimeout(30, TimeUnit.SECONDS).maxConnections(MAX_CONNECTIONS)
                .simpleMessageListener(new SimpleMessageListener() {
                    @Override
                    public boolean accept(String from, String recipient) {
                        return true;
                    }

                    @Override
                    public void deliver(String from, String recipient, InputStream data) throws IOException {
                        data.transferTo(OutputStream.nullOutputStream());
                    }
                });
    }

    private AtsEndpoint start(SMTPServer server, Scenario scenario, String scheme, List<X509Certificate> chain) {
        server.start();
        running.add(server);
        return new AtsEndpoint(scenario, scheme, hostname, server.getPortAllocated(), chain);
    }

    /** Waits out the stall, then drops the connection: what a server that never answers the ClientHello does. */
    private static SSLSocket stall(Socket socket, Duration limit) throws IOException {
        try {
            socket.setSoTimeout((int) limit.toMillis());
            socket.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (SocketTimeoutException waitedOut) {
            // the client is still waiting for a ServerHello: hang up on it
        } finally {
            socket.close();
        }
        throw new IOException("stalled-handshake: the handshake was never answered");
    }

    @Override
    public void close() {
        running.forEach(SMTPServer::stop);
        executors.forEach(ExecutorService::shutdownNow);
        deadlines.close();
    }
}
