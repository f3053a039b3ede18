package io.github.atstrust.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A JVM whose only client is {@code HttpClient.newHttpClient()}: prints the status, or what was thrown. */
final class PlainHttpGet {

    private PlainHttpGet() {
    }

    public static void main(String[] args) {
        try {
            System.out.println("status " + HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(args[0])).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (Exception e) {
            System.out.println("thrown " + e);
        }
    }
}
