package io.github.atstrust.examples;

import io.github.atstrust.testkit.trust.TrustProfile;
import java.net.URI;
import java.time.Duration;

/** A real HTTP client, configured the way its users configure trust, that the matrix runs. */
interface HttpsClient {

    /** Short name used in reports, e.g. {@code okhttp}. */
    String id();

    /**
     * A client that trusts exactly {@code profile}, verifies host names, and gives up after {@code timeout}
     * (connect, handshake and read alike).
     */
    Session open(TrustProfile profile, Duration timeout) throws Exception;

    /** An open client; {@link #get(URI)} makes one request and returns what the client returned. */
    interface Session extends AutoCloseable {
        Object get(URI uri) throws Exception;

        @Override
        void close() throws Exception;
    }
}
