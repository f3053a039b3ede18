package io.github.atstrust.testkit.server;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * The deadlines of the mail servers, as {@link HandshakeDeadline} and {@link RequestDeadline} are Jetty's: a TLS
 * handshake (TLS wrapper mode from the first byte, or after STARTTLS) is closed when not done within the handshake
 * deadline, and a whole SMTP session when not ended within the session deadline. SubEthaSMTP's read timeout alone
 * does neither: a client trickling a byte a second never times out a read.
 */
final class MailDeadlines implements SessionHandler, AutoCloseable {

    private final Duration handshake;
    private final Duration session;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ats-smtp-deadlines");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Session, ScheduledFuture<?>> sessions = new ConcurrentHashMap<>();

    MailDeadlines(Duration handshake, Duration session) {
        this.handshake = handshake;
        this.session = session;
    }

    @Override
    public SessionAcceptance accept(Session accepted) {
        Socket socket = accepted.getSocket();
        sessions.put(accepted, closeLater(socket, session));
        if (socket instanceof SSLSocket tls) {
            watchHandshake(tls);
        }
        return SessionAcceptance.success();
    }

    @Override
    public void onSessionEnd(Session ended) {
        ScheduledFuture<?> close = sessions.remove(ended);
        if (close != null) {
            close.cancel(false);
        }
    }

    /** The server side of STARTTLS over {@code socket}, its handshake under the deadline. */
    SSLSocket startTls(Socket socket, SSLContext tls) throws IOException {
        SSLSocket upgraded = (SSLSocket) tls.getSocketFactory().createSocket(socket,
                socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        upgraded.setUseClientMode(false);
        watchHandshake(upgraded);
        return upgraded;
    }

    private void watchHandshake(SSLSocket tls) {
        ScheduledFuture<?> close = closeLater(tls, handshake);
        tls.addHandshakeCompletedListener(done -> close.cancel(false));
    }

    private ScheduledFuture<?> closeLater(Socket socket, Duration after) {
        return scheduler.schedule(() -> {
            try {
                socket.close();
            } catch (IOException alreadyGone) {
                // closed meanwhile: nothing to end
            }
        }, after.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
