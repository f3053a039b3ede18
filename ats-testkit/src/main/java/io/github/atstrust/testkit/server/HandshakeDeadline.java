package io.github.atstrust.testkit.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a TLS connection whose handshake has not completed within a bounded time. The connector's idle
 * timeout alone does not: a client sending one ClientHello byte every few seconds is never idle.
 */
final class HandshakeDeadline implements Connection.Listener {

    private final Duration limit;
    private final Scheduler scheduler;

    HandshakeDeadline(Duration limit, Scheduler scheduler) {
        this.limit = limit;
        this.scheduler = scheduler;
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof SslConnection tls) {
            Scheduler.Task close = scheduler.schedule(() -> tls.getEndPoint().close(), limit.toMillis(), TimeUnit.MILLISECONDS);
            tls.addHandshakeListener(new SslHandshakeListener() {
                @Override
                public void handshakeSucceeded(Event event) {
                    close.cancel();
                }

                @Override
                public void handshakeFailed(Event event, Throwable failure) {
                    close.cancel();
                }
            });
        }
    }
}
