package io.github.atstrust.testkit.server;

import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.cert.X509Certificate;
import java.util.Set;

/**
 * One JVM of {@link SignedMaterialCacheTest}'s shared-cache case: starts two scenarios on the cache of
 * {@code -Dats.cache.dir}, judges a real handshake to each, checks that every CA copy names this server's port,
 * and holds its servers a moment so that JVMs started together overlap.
 */
final class CachedStart {

    private CachedStart() {
    }

    public static void main(String[] args) throws Exception {
        try (AtsServers servers = AtsServers.builder().only(Set.of("ats-root-ca-1", "untrusted-root"))
                .cache(SignedMaterialCache.fromEnvironment()).start()) {
            for (String id : new String[] {"ats-root-ca-1", "untrusted-root"}) {
                AtsEndpoint endpoint = servers.endpoint(id);
                HandshakeOutcome outcome = endpoint.probe(() -> HttpClient.newBuilder()
                        .sslContext(TrustProfiles.byId("all-ats").sslContext()).build()
                        .send(HttpRequest.newBuilder(endpoint.uri()).build(), BodyHandlers.ofString()));
                System.out.println((outcome.accepted() ? "accepted " : outcome.rejected() ? "rejected " : "no verdict ")
                        + id + " under all-ats: " + outcome.describe());
            }
            int port = servers.indexUri().getPort();
            boolean named = servers.endpoints().stream().flatMap(e -> e.chain().stream().skip(1))
                    .filter(c -> !c.getSubjectX500Principal().equals(c.getIssuerX500Principal()))
                    .allMatch(c -> new String(c.getExtensionValue("1.3.6.1.5.5.7.1.1"), java.nio.charset.StandardCharsets.ISO_8859_1)
                            .contains("127.0.0.1:" + port + "/"));
            System.out.println(named ? "every copy names port " + port : "a copy names another port");
            Thread.sleep(1500);
        }
    }
}
