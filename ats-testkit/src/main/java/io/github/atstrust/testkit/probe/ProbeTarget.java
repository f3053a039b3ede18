package io.github.atstrust.testkit.probe;

import java.util.Objects;

/**
 * What the prober knows of the server a client met: where it is, named in a no-verdict message, and whether it
 * leaves out an intermediate, so that a "no trusted path" failure is classified as
 * {@link RejectionReason#INCOMPLETE_CHAIN} (clients word both failures alike). A running scenario gives its own
 * with {@code AtsEndpoint.target()}.
 *
 * @param address              {@code host:port}, or empty when unknown
 * @param sendsIncompleteChain whether the server's chain stops below an intermediate it did not send
 */
public record ProbeTarget(String address, boolean sendsIncompleteChain) {

    /** Nothing known of the server. */
    public static final ProbeTarget UNKNOWN = new ProbeTarget("", false);

    public ProbeTarget {
        Objects.requireNonNull(address, "address");
    }
}
