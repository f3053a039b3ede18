package io.github.atstrust.testkit.server;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Accepts a TCP connection, reads and discards whatever the client sends (its ClientHello) and never
 * answers; closes the connection after a fixed limit so a stalled client never holds it forever.
 */
final class StallingConnectionFactory extends AbstractConnectionFactory {

    private final Duration limit;

    StallingConnectionFactory(Duration limit) {
        super("stall");
        this.limit = limit;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        return configure(new StalledConnection(endPoint, connector, limit), connector, endPoint);
    }

    private static final class StalledConnection extends AbstractConnection {
        private final Scheduler scheduler;
        private final Duration limit;
        private final ByteBuffer sink = ByteBuffer.allocate(4096);
        private Scheduler.Task closer;

        StalledConnection(EndPoint endPoint, Connector connector, Duration limit) {
            super(endPoint, connector.getExecutor());
            this.scheduler = connector.getScheduler();
            this.limit = limit;
        }

        @Override
        public void onOpen() {
            super.onOpen();
            closer = scheduler.schedule(getEndPoint()::close, limit.toMillis(), TimeUnit.MILLISECONDS);
            fillInterested();
        }

        @Override
        public void onFillable() {
            try {
                int read;
                do {
                    sink.clear();
                    read = getEndPoint().fill(sink);
                } while (read > 0);
                if (read < 0) {
                    getEndPoint().close();
                } else {
                    fillInterested();
                }
            } catch (java.io.IOException e) {
                getEndPoint().close(e);
            }
        }

        @Override
        public void onClose(Throwable cause) {
            if (closer != null) {
                closer.cancel();
            }
            super.onClose(cause);
        }
    }
}
