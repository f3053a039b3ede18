package io.github.atstrust.testkit.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.EventsHandler;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes an HTTP connection that has not completed a request within a deadline of its start (after TLS) or of
 * its previous request. The idle timeout alone does not: a client trickling one header byte a second is never
 * idle. Installed both as a connection listener of every HTTP connector and as the handler wrapper that sees each
 * request complete.
 */
final class RequestDeadline extends EventsHandler implements Connection.Listener {

    private final Duration limit;
    private final Scheduler scheduler;
    private final Map<Connection, Scheduler.Task> armed = new ConcurrentHashMap<>();

    RequestDeadline(Duration limit, Scheduler scheduler, Handler handler) {
        super(handler);
        this.limit = limit;
        this.scheduler = scheduler;
    }

    @Override
    public void onOpened(Connection connection) {
        if (!(connection instanceof SslConnection)) { // TLS itself is bounded by HandshakeDeadline
            arm(connection);
        }
    }

    @Override
    public void onClosed(Connection connection) {
        Scheduler.Task task = armed.remove(connection);
        if (task != null) {
            task.cancel();
        }
    }

    @Override
    protected void onComplete(Request request, Throwable failure) {
        Connection connection = request.getConnectionMetaData().getConnection();
        if (armed.containsKey(connection)) {
            arm(connection);
        }
    }

    private void arm(Connection connection) {
        Scheduler.Task task = scheduler.schedule(() -> connection.getEndPoint().close(), limit.toMillis(),
                TimeUnit.MILLISECONDS);
        Scheduler.Task previous = armed.put(connection, task);
        if (previous != null) {
            previous.cancel();
        }
        if (!connection.getEndPoint().isOpen()) {
            onClosed(connection);
        }
    }
}
