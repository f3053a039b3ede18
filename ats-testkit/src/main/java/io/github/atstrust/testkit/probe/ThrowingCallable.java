package io.github.atstrust.testkit.probe;

/**
 * A client call to probe; what it returns (an {@code HttpResponse}, an {@code HttpsURLConnection}, an
 * {@code SSLSocket}…) is inspected for the negotiated protocol, cipher, ALPN and peer chain.
 */
@FunctionalInterface
public interface ThrowingCallable {
    Object call() throws Throwable;
}
