package io.github.atstrust.benchmarks;

import java.net.InetAddress;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * What a user would build instead of the kit: the same hierarchy made at runtime with okhttp-tls
 * {@link HeldCertificate} (keys generated on the spot, cross-signs reusing the roots' key pairs), and one
 * {@link MockWebServer} per core scenario. okhttp-tls 5.5.1 cannot encode P-384 certificates, so Amazon Root
 * CA 4 and its intermediate are P-256 here, which makes this side slightly cheaper than the real shape.
 */
final class OkHttpTlsEnvironment implements AutoCloseable {

    private final List<MockWebServer> servers = new ArrayList<>();

    private OkHttpTlsEnvironment() {
    }

    static OkHttpTlsEnvironment start() throws Exception {
        OkHttpTlsEnvironment environment = new OkHttpTlsEnvironment();
        HeldCertificate class2 = ca("FAKE Starfield Class 2", new HeldCertificate.Builder().rsa2048(), null, 3);
        HeldCertificate g2 = ca("FAKE Starfield Services Root CA G2", new HeldCertificate.Builder().rsa2048(), null, 2);
        HeldCertificate g2Cross = ca("FAKE Starfield Services Root CA G2", new HeldCertificate.Builder().keyPair(g2.keyPair()), class2, 2);
        KeyPairGenerator rsa4096 = KeyPairGenerator.getInstance("RSA");
        rsa4096.initialize(4096);
        HeldCertificate.Builder[] rootKeys = {new HeldCertificate.Builder().rsa2048(),
                new HeldCertificate.Builder().keyPair(rsa4096.generateKeyPair()),
                new HeldCertificate.Builder().ecdsa256(), new HeldCertificate.Builder().ecdsa256()};
        HeldCertificate.Builder[] intermediateKeys = {new HeldCertificate.Builder().rsa2048(),
                new HeldCertificate.Builder().keyPair(rsa4096.generateKeyPair()),
                new HeldCertificate.Builder().ecdsa256(), new HeldCertificate.Builder().ecdsa256()};
        List<HeldCertificate> intermediates = new ArrayList<>();
        List<HeldCertificate> crosses = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            HeldCertificate root = ca("FAKE Amazon Root CA " + (n + 1), rootKeys[n], null, 1);
            crosses.add(ca("FAKE Amazon Root CA " + (n + 1), new HeldCertificate.Builder().keyPair(root.keyPair()), g2, 1));
            intermediates.add(ca("FAKE Amazon M0" + (n + 1), intermediateKeys[n], root, 0));
        }
        HeldCertificate untrustedRoot = ca("FAKE Untrusted Root", new HeldCertificate.Builder().rsa2048(), null, 1);
        HeldCertificate untrustedIntermediate = ca("FAKE Untrusted Intermediate", new HeldCertificate.Builder().rsa2048(), untrustedRoot, 0);
        long now = System.currentTimeMillis();
        long day = TimeUnit.DAYS.toMillis(1);
        for (int n = 0; n < 4; n++) {
            environment.serve(leaf("localhost", intermediates.get(n), now - day, now + 30 * day),
                    intermediates.get(n), crosses.get(n), g2Cross);
        }
        environment.serve(leaf("localhost", intermediates.get(0), now - day, now + 30 * day), intermediates.get(0), crosses.get(0));
        environment.serve(leaf("localhost", untrustedIntermediate, now - day, now + 30 * day), untrustedIntermediate);
        environment.serve(new HeldCertificate.Builder().rsa2048().addSubjectAlternativeName("localhost").build());
        environment.serve(leaf("localhost", intermediates.get(0), now - 60 * day, now - 30 * day), intermediates.get(0),
                crosses.get(0), g2Cross);
        environment.serve(leaf("wrong-host.example", intermediates.get(0), now - day, now + 30 * day), intermediates.get(0),
                crosses.get(0), g2Cross);
        environment.serve(leaf("localhost", intermediates.get(0), now - day, now + 30 * day));
        environment.serve(leaf("localhost", intermediates.get(0), now - day, now + 30 * day), intermediates.get(0),
                crosses.get(0), g2Cross);
        return environment;
    }

    int servers() {
        return servers.size();
    }

    private void serve(HeldCertificate leaf, HeldCertificate... chain) throws Exception {
        HandshakeCertificates certificates = new HandshakeCertificates.Builder().heldCertificate(leaf, certificatesOf(chain)).build();
        MockWebServer server = new MockWebServer();
        server.useHttps(certificates.sslSocketFactory());
        server.start(InetAddress.getLoopbackAddress(), 0);
        servers.add(server);
    }

    private static java.security.cert.X509Certificate[] certificatesOf(HeldCertificate... chain) {
        java.security.cert.X509Certificate[] certificates = new java.security.cert.X509Certificate[chain.length];
        for (int i = 0; i < chain.length; i++) {
            certificates[i] = chain[i].certificate();
        }
        return certificates;
    }

    private static HeldCertificate ca(String name, HeldCertificate.Builder key, HeldCertificate issuer, int pathLength) {
        HeldCertificate.Builder builder = key.commonName(name).organizationalUnit("ATS Trust Kit (TEST ONLY)")
                .certificateAuthority(pathLength).duration(3650, TimeUnit.DAYS);
        return (issuer == null ? builder : builder.signedBy(issuer)).build();
    }

    private static HeldCertificate leaf(String host, HeldCertificate issuer, long notBefore, long notAfter) {
        return new HeldCertificate.Builder().rsa2048().addSubjectAlternativeName(host).commonName(host)
                .validityInterval(notBefore, notAfter).signedBy(issuer).build();
    }

    @Override
    public void close() throws Exception {
        for (MockWebServer server : servers) {
            server.close();
        }
    }

}
