package io.github.atstrust.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * Run in a JVM of its own (a container's, or each JDK the doctor finds): one GET with the JDK {@code HttpClient} and
 * the JVM's default trust (no {@code SSLContext} given), as most Java applications make their calls. Exit 0 when the handshake completed;
 * otherwise exit 1 with the exception chain's words for the kit to classify.
 */
public final class DefaultTrustProbe {

    private DefaultTrustProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            client.send(HttpRequest.newBuilder(URI.create(args[0])).timeout(Duration.ofSeconds(10)).build(),
                    BodyHandlers.discarding());
            System.out.println("accepted");
        } catch (java.io.IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                System.out.println(t);
            }
            System.exit(1);
        }
    }
}
