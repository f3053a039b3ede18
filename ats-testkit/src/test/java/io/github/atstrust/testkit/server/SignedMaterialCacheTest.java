package io.github.atstrust.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.ProcessRun;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signing cache hands a start back what an earlier start with the same inputs signed, and nothing else: the same
 * chains as fresh signing but for serials and signatures, never a corrupt or foreign entry, a bounded directory,
 * correct chains for JVMs sharing one cache, and nothing at all when switched off.
 */
class SignedMaterialCacheTest {

    private static final Set<String> SOME = Set.of("ats-root-ca-1", "ats-root-ca-3", "self-signed", "revoked",
            "revoked-intermediate", "g2-cross-expired");
    private static final URI BASE = URI.create("http://127.0.0.1:47001/");
    private static final Instant NOW = Instant.parse("2026-12-03T10:17:00Z");

    @TempDir
    Path dir;

    @Test
    void aSecondStartGetsTheFirstStartsPortAndServesItsChains() throws Exception {
        SignedMaterialCache cache = SignedMaterialCache.at(dir);
        Map<String, List<X509Certificate>> first;
        int port;
        try (AtsServers servers = AtsServers.builder().only(SOME).cache(cache).start()) {
            first = chains(servers);
            port = servers.indexUri().getPort();
        }
        try (AtsServers servers = AtsServers.builder().only(SOME).cache(cache).start()) {
            assertThat(servers.indexUri().getPort()).as("the last start's port, asked for first").isEqualTo(port);
            assertThat(chains(servers)).as("the first start's certificates, byte for byte").isEqualTo(first);
            var accepted = servers.endpoint("ats-root-ca-1").probe(() -> java.net.http.HttpClient.newBuilder()
                    .sslContext(io.github.atstrust.testkit.trust.TrustProfiles.byId("all-ats").sslContext()).build()
                    .send(java.net.http.HttpRequest.newBuilder(servers.endpoint("ats-root-ca-1").uri()).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString()));
            assertThat(accepted.accepted()).as(accepted.describe()).isTrue();
            X509Certificate revokedLeaf = servers.endpoint("revoked").leaf();
            X509Certificate revokedCopy = servers.endpoint("revoked-intermediate").chain().get(1);
            assertThat(crl(servers, "amazon-rsa-2048-m01").getRevokedCertificate(revokedLeaf.getSerialNumber()))
                    .as("the responder knows the cached leaf as revoked").isNotNull();
            assertThat(crl(servers, "amazon-root-ca-1").getRevokedCertificate(revokedCopy.getSerialNumber()))
                    .as("and the cached revoked copy of M01").isNotNull();
        }
    }

    @Test
    void cachedChainsDifferFromFreshlySignedOnesOnlyInSerialsAndSignatures() throws Exception {
        List<Scenario> scenarios = ScenarioCatalogue.builtIn().scenarios();
        SignedMaterialCache cache = SignedMaterialCache.at(dir);
        Map<Scenario, List<X509Certificate>> cached = mint(scenarios, cache);
        Map<Scenario, List<X509Certificate>> again = mint(scenarios, cache);
        Map<Scenario, List<X509Certificate>> fresh = mint(scenarios, SignedMaterialCache.off());

        assertThat(again).as("a hit: the entry's certificates").isEqualTo(cached);
        for (Scenario scenario : scenarios) {
            List<X509Certificate> a = cached.get(scenario);
            List<X509Certificate> b = fresh.get(scenario);
            assertThat(a).as(scenario.id()).hasSameSizeAs(b);
            for (int i = 0; i < a.size(); i++) {
                assertThat(differences(a.get(i), b.get(i))).as("%s, certificate %d", scenario.id(), i).isEmpty();
                boolean root = a.get(i).equals(b.get(i));
                assertThat(root || !a.get(i).getSerialNumber().equals(b.get(i).getSerialNumber()))
                        .as("%s, certificate %d: signed anew, or a root served as it is", scenario.id(), i).isTrue();
            }
        }
    }

    @Test
    void aCorruptEntryIsIgnoredSignedAnewAndRewritten() throws Exception {
        List<Scenario> scenarios = ScenarioCatalogue.builtIn().scenarios().subList(0, 4);
        SignedMaterialCache cache = SignedMaterialCache.at(dir);
        Map<Scenario, List<X509Certificate>> first = mint(scenarios, cache);
        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(entry, bytes);

        Map<Scenario, List<X509Certificate>> second = mint(scenarios, cache);
        Map<Scenario, List<X509Certificate>> third = mint(scenarios, cache);

        assertThat(second.get(scenarios.get(0)).get(0)).as("not the corrupt entry's leaf").isNotEqualTo(first.get(scenarios.get(0)).get(0));
        assertThat(third).as("the entry was rewritten whole").isEqualTo(second);
        Files.writeString(entry, "not an entry at all", StandardCharsets.UTF_8);
        assertThat(mint(scenarios, cache).get(scenarios.get(0))).hasSize(first.get(scenarios.get(0)).size());
    }

    @Test
    void aForeignEntryIsNotServed() throws Exception {
        List<Scenario> scenarios = ScenarioCatalogue.builtIn().scenarios().subList(0, 4);
        String key = SignedMaterialCache.key(scenarios, BASE, NOW.truncatedTo(java.time.temporal.ChronoUnit.HOURS));
        SignedMaterialCache elsewhere = SignedMaterialCache.at(dir.resolve("elsewhere"));
        mint(scenarios, elsewhere);
        SignedMaterialCache.Material genuine = elsewhere.read(key).orElseThrow();
        X509Certificate stranger = mint(List.of(ScenarioCatalogue.builtIn().byId("self-signed")), SignedMaterialCache.off())
                .values().iterator().next().get(0);
        Map<String, X509Certificate> strangers = new java.util.HashMap<>();
        scenarios.forEach(s -> strangers.put(s.id(), stranger));
        SignedMaterialCache.Material foreign = new SignedMaterialCache.Material(genuine.copies(), genuine.revokedCopies(), strangers);
        java.time.LocalDate day = NOW.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        assertThat(ServedChains.consistent(genuine, scenarios, day)).isTrue();
        assertThat(ServedChains.consistent(foreign, scenarios, day)).as("leaves with another key and issuer").isFalse();
        SignedMaterialCache cache = SignedMaterialCache.at(dir);
        cache.write(key, foreign);

        Map<Scenario, List<X509Certificate>> served = mint(scenarios, cache);

        for (Scenario scenario : scenarios) {
            assertThat(served.get(scenario).get(0)).as(scenario.id()).isNotEqualTo(stranger);
        }
        assertThat(cache.read(key)).as("rewritten with what was signed").hasValueSatisfying(m ->
                assertThat(ServedChains.consistent(m, scenarios, day)).isTrue());
    }

    @Test
    void keepsAtMostSixteenEntriesAndNothingElseOfTheDirectoryIsTouched() throws Exception {
        Path mine = Files.writeString(dir.resolve("notes.txt"), "a user's file");
        Path deadWrite = Files.writeString(dir.resolve("." + "0".repeat(64) + "-123.tmp"), "half");
        Files.setLastModifiedTime(deadWrite, java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(7200)));
        Path liveWrite = Files.writeString(dir.resolve("." + "1".repeat(64) + "-456.tmp"), "being written");
        SignedMaterialCache cache = SignedMaterialCache.at(dir);
        List<Scenario> one = ScenarioCatalogue.builtIn().scenarios().subList(0, 1);
        for (int i = 0; i < 20; i++) {
            URI base = URI.create("http://127.0.0.1:" + (47100 + i) + "/");
            ServedChains.mint(one, new PublishedCas(base, new RevocationResponder()), new RevocationResponder(), NOW, cache);
            Files.setLastModifiedTime(dir.resolve(SignedMaterialCache.key(one, base,
                    NOW.truncatedTo(java.time.temporal.ChronoUnit.HOURS)) + ".entry"),
                    java.nio.file.attribute.FileTime.from(NOW.plusSeconds(i)));
        }

        assertThat(entries().stream().filter(e -> e.toString().endsWith(".entry"))).hasSize(SignedMaterialCache.MAX_ENTRIES);
        assertThat(mine).hasContent("a user's file");
        assertThat(deadWrite).as("what a dead JVM's write left two hours ago").doesNotExist();
        assertThat(liveWrite).as("another JVM's write in progress").exists();
        assertThat(cache.read(SignedMaterialCache.key(one, URI.create("http://127.0.0.1:47119/"),
                NOW.truncatedTo(java.time.temporal.ChronoUnit.HOURS)))).as("the newest stays").isPresent();
        assertThat(cache.read(SignedMaterialCache.key(one, URI.create("http://127.0.0.1:47100/"),
                NOW.truncatedTo(java.time.temporal.ChronoUnit.HOURS)))).as("the oldest went").isEmpty();
    }

    @Test
    void switchedOffItReadsAndWritesNothing() throws Exception {
        Map<String, String> before = new java.util.HashMap<>();
        for (String property : List.of("ats.cache", "ats.cache.dir")) {
            before.put(property, System.getProperty(property));
        }
        System.setProperty("ats.cache.dir", dir.toString());
        System.setProperty("ats.cache", "off");
        try {
            assertThat(SignedMaterialCache.fromEnvironment().enabled()).isFalse();
            try (AtsServers servers = AtsServers.builder().only(Set.of("ats-root-ca-1")).start()) {
                assertThat(servers.endpoint("ats-root-ca-1").chain()).hasSize(4);
            }
            System.clearProperty("ats.cache");
            assertThat(SignedMaterialCache.fromEnvironment().enabled()).as("on by default, in the directory named").isTrue();
        } finally {
            before.forEach((property, value) -> {
                if (value == null) {
                    System.clearProperty(property);
                } else {
                    System.setProperty(property, value);
                }
            });
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("switched off, the directory it would use stays empty").isEmpty();
        }
    }

    @Test
    void jvmsSharingOneCacheEachServeCorrectChains() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Dats.cache.dir=" + dir,
                    CachedStart.class.getName()).redirectErrorStream(true).start());
        }
        Set<String> ports = new TreeSet<>();
        for (Process process : processes) {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(output).isZero();
            assertThat(output).as(output).contains("accepted ats-root-ca-1 under all-ats", "rejected untrusted-root under all-ats",
                    "every copy names port");
            ports.add(output.replaceAll("(?s).*every copy names port (\\d+).*", "$1"));
        }
        assertThat(ports).as("three servers at once, three responder ports").hasSize(3);
        ProcessRun again = ProcessRun.run(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dats.cache.dir=" + dir, CachedStart.class.getName()));
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("accepted ats-root-ca-1 under all-ats");
        assertThat(ports).as("the next JVM asks for the port the last one had").contains(
                again.output().replaceAll("(?s).*every copy names port (\\d+).*", "$1"));
        assertThat(entries()).as("whole entries only, no temporary files left").allSatisfy(e ->
                assertThat(e.getFileName().toString()).matches("[0-9a-f]{64}\\.entry"));
    }

    private Map<Scenario, List<X509Certificate>> mint(List<Scenario> scenarios, SignedMaterialCache cache) {
        RevocationResponder revocation = new RevocationResponder();
        ServedChains chains = ServedChains.mint(scenarios, new PublishedCas(BASE, revocation), revocation, NOW, cache);
        Map<Scenario, List<X509Certificate>> byScenario = new java.util.LinkedHashMap<>();
        scenarios.forEach(s -> byScenario.put(s, chains.of(s)));
        return byScenario;
    }

    private static Map<String, List<X509Certificate>> chains(AtsServers servers) {
        Map<String, List<X509Certificate>> chains = new java.util.TreeMap<>();
        servers.endpoints().forEach(e -> chains.put(e.id(), e.chain()));
        return chains;
    }

    private static X509CRL crl(AtsServers servers, String ca) throws Exception {
        byte[] der = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                servers.indexUri().resolve("crl/" + ca + ".crl")).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        return (X509CRL) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCRL(new java.io.ByteArrayInputStream(der));
    }

    private List<Path> entries() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".entry") || f.getFileName().toString().endsWith(".tmp"))
                    .toList();
        }
    }

    /** Every field of a certificate but its serial number and signature that differs between the two. */
    static List<String> differences(X509Certificate a, X509Certificate b) {
        List<String> differ = new ArrayList<>();
        compare(differ, "subject", a.getSubjectX500Principal(), b.getSubjectX500Principal());
        compare(differ, "issuer", a.getIssuerX500Principal(), b.getIssuerX500Principal());
        compare(differ, "not before", a.getNotBefore(), b.getNotBefore());
        compare(differ, "not after", a.getNotAfter(), b.getNotAfter());
        compare(differ, "public key", a.getPublicKey(), b.getPublicKey());
        compare(differ, "signature algorithm", a.getSigAlgName(), b.getSigAlgName());
        compare(differ, "version", a.getVersion(), b.getVersion());
        compare(differ, "critical extensions", a.getCriticalExtensionOIDs(), b.getCriticalExtensionOIDs());
        compare(differ, "other extensions", a.getNonCriticalExtensionOIDs(), b.getNonCriticalExtensionOIDs());
        Set<String> oids = new TreeSet<>();
        Stream.of(a.getCriticalExtensionOIDs(), a.getNonCriticalExtensionOIDs()).filter(java.util.Objects::nonNull).forEach(oids::addAll);
        for (String oid : oids) {
            compare(differ, "extension " + oid, java.util.HexFormat.of().formatHex(a.getExtensionValue(oid)),
                    b.getExtensionValue(oid) == null ? null : java.util.HexFormat.of().formatHex(b.getExtensionValue(oid)));
        }
        return differ;
    }

    private static void compare(List<String> differ, String field, Object a, Object b) {
        if (!java.util.Objects.equals(a, b)) {
            differ.add(field + ": " + a + " ≠ " + b);
        }
    }
}
