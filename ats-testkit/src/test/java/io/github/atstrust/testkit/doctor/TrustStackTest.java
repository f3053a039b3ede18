package io.github.atstrust.testkit.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atstrust.testkit.Prerequisites;
import io.github.atstrust.testkit.ProcessRun;
import io.github.atstrust.testkit.audit.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the doctor says about this host, and that bad settings give one line in the stack's row, never a crash. */
class TrustStackTest {

    @TempDir
    static Path dir;

    private static Map<String, String> base;

    @BeforeAll
    static void cleanEnvironment() throws Exception {
        base = new HashMap<>(System.getenv());
        base.keySet().removeAll(Set.of("SSL_CERT_FILE", "SSL_CERT_DIR", "CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE",
                "AWS_CA_BUNDLE", "NODE_EXTRA_CA_CERTS", "NODE_OPTIONS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "WGETRC"));
        base.put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
    }

    private static Map<String, TrustStack> examine(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(base);
        env.putAll(extra);
        Map<String, TrustStack> stacks = new TreeMap<>();
        TrustStack.examineHost(env).forEach(s -> stacks.put(s.id(), s));
        return stacks;
    }

    @Test
    void listsEveryStackOfThisHostWithItsStoreRuleAuditAndFix() throws Exception {
        Map<String, TrustStack> stacks = examine(Map.of());
        for (String id : List.of("openssl", "curl", "python-ssl", "requests", "botocore", "aws-cli", "go")) {
            Prerequisites.require(stacks.containsKey(id) && stacks.get(id).present(), id + " is not on this host");
        }
        Prerequisites.require(stacks.containsKey("node:/usr/bin/node"), "no node at /usr/bin/node");
        List<TrustStack> jdks = stacks.values().stream().filter(s -> s.id().startsWith("jdk:")).toList();
        assertThat(jdks).extracting(TrustStack::id).contains("jdk:" + Path.of(System.getProperty("java.home")).toRealPath()
                .toString());
        for (TrustStack stack : stacks.values().stream().filter(TrustStack::present).toList()) {
            assertThat(stack.store()).as(stack.id()).isNotBlank();
            assertThat(stack.rule()).as(stack.id()).isNotBlank();
            assertThat(stack.fix()).as(stack.id()).isNotBlank();
            assertThat(stack.problem()).as(stack.id() + " has a problem on a clean environment").isEmpty();
            if (!stack.id().equals("aws-cli") && !stack.id().equals("nss")) {
                assertThat(stack.audit()).as(stack.id() + " audited").isPresent();
            }
        }
        assertThat(stacks.get("requests").rule()).contains("certifi").contains("SSL_CERT_FILE changes nothing");
        assertThat(stacks.get("botocore").fix()).startsWith("AWS_CA_BUNDLE=FILE");
        assertThat(stacks.get("node:/usr/bin/node").rule()).contains("built-in roots");
        assertThat(stacks.get("node:/usr/bin/node").audit().orElseThrow().certificateCount()).isGreaterThan(100);
        jdks.forEach(jdk -> assertThat(jdk.rule()).as(jdk.id()).contains("this JDK follows the OS store"));
    }

    @Test
    void theCrtIsFoundInALocalMavenRepositoryAndReadsTheOsBundle() throws Exception {
        Path home = dir.resolve("home-with-crt");
        Files.createDirectories(home.resolve(".m2/repository/software/amazon/awssdk/crt/aws-crt/0.49.0"));
        TrustStack crt = examine(Map.of("HOME", home.toString())).get("aws-crt");
        TrustStack absent = examine(Map.of("HOME", dir.resolve("empty-home").toString())).get("aws-crt");

        assertThat(crt.present()).isTrue();
        assertThat(crt.version()).isEqualTo("0.49.0");
        assertThat(crt.store()).isEqualTo(NativeStacks.CRT_FILES.stream().filter(p -> Files.isRegularFile(Path.of(p)))
                .findFirst().orElseThrow());
        assertThat(crt.rule()).contains("not the JVM's trust store");
        assertThat(absent.present()).as("no CRT on the class path of this module's tests, none in the repository").isFalse();
    }

    @Test
    void anNssDatabaseAndAFirefoxProfileAreListedWithTheirTlsAnchorsCounted() throws Exception {
        Prerequisites.requireTool("certutil", "--help");
        Path home = dir.resolve("home-with-nss");
        Path nssdb = Files.createDirectories(home.resolve(".pki/nssdb"));
        Path profile = Files.createDirectories(home.resolve(".mozilla/firefox/abcd.default-esr"));
        Path twin = Files.writeString(dir.resolve("nss-twin.pem"), io.github.atstrust.testkit.TestPem.encode(List.of(
                io.github.atstrust.testkit.pki.RealAtsRoot.AMAZON_ROOT_CA_1.fakeTwin().certificate())));
        for (Path db : List.of(nssdb, profile)) {
            assertThat(ProcessRun.run(List.of("certutil", "-N", "-d", "sql:" + db, "--empty-password"), base).exitCode())
                    .isZero();
        }
        assertThat(ProcessRun.run(List.of("certutil", "-A", "-d", "sql:" + nssdb, "-n", "ats-twin", "-t", "C,,", "-i",
                twin.toString()), base).exitCode()).isZero();

        Map<String, TrustStack> stacks = examine(Map.of("HOME", home.toString()));
        TrustStack user = stacks.get("nss");
        TrustStack firefox = stacks.get("nss:" + home + "/.mozilla/firefox/abcd.default-esr");

        assertThat(user.present()).isTrue();
        assertThat(user.store()).isEqualTo("sql:" + nssdb);
        assertThat(user.rule()).contains("1 trusted for TLS");
        assertThat(user.fix()).isEqualTo("certutil -A -d sql:" + nssdb + " -n NAME -t C,, -i FILE");
        assertThat(firefox.name()).isEqualTo("Firefox profile abcd.default-esr");
        assertThat(firefox.rule()).contains("0 trusted for TLS");
        assertThat(examine(Map.of("HOME", dir.resolve("empty-home").toString())).get("nss").present()).isFalse();
    }

    @Test
    void aJavaTrustStoreThatIsMissingOrNotAStoreIsTheJdkRowsProblem() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.p12"), "not a key store");
        TrustStack missing = firstJdk(examine(Map.of("JAVA_TOOL_OPTIONS", "-Djavax.net.ssl.trustStore=/nonexistent/ats.p12")));
        TrustStack malformed = firstJdk(examine(Map.of("JDK_JAVA_OPTIONS", "-Djavax.net.ssl.trustStore=" + garbage)));

        assertThat(missing.store()).isEqualTo("/nonexistent/ats.p12");
        assertThat(missing.problem()).hasValueSatisfying(p -> assertThat(p).contains("/nonexistent/ats.p12")
                .contains("no such file").doesNotContain("\n"));
        assertThat(malformed.rule()).contains("JDK_JAVA_OPTIONS").contains("java launcher");
        assertThat(malformed.problem()).hasValueSatisfying(p -> assertThat(p).contains(garbage.toString()));
        assertThat(malformed.audit()).isEmpty();
    }

    private static TrustStack firstJdk(Map<String, TrustStack> stacks) {
        return stacks.values().stream().filter(s -> s.id().startsWith("jdk:")).findFirst().orElseThrow();
    }

    @Test
    void aMissingNodeExtraCaCertsFileIsWhatNodeSaysAboutIt() {
        Prerequisites.requireTool("node", "--version");
        Map<String, TrustStack> stacks = examine(Map.of("NODE_EXTRA_CA_CERTS", "/nonexistent/extra.pem"));
        TrustStack node = stacks.values().stream().filter(s -> s.id().startsWith("node:")).findFirst().orElseThrow();

        assertThat(node.problem()).hasValueSatisfying(p -> assertThat(p)
                .startsWith("NODE_EXTRA_CA_CERTS=/nonexistent/extra.pem is ignored by node: ").contains("extra certs"));
        assertThat(node.store()).doesNotContain("/nonexistent/extra.pem");
    }

    @Test
    void aNodeOptionThisNodeRefusesIsTheNodeRowsProblem() {
        Prerequisites.requireTool("node", "--version");
        TrustStack node = examine(Map.of("NODE_OPTIONS", "--no-such-option-ats")).values().stream()
                .filter(s -> s.id().startsWith("node:")).findFirst().orElseThrow();

        assertThat(node.problem()).hasValueSatisfying(p -> assertThat(p).contains("fails to start")
                .contains("NODE_OPTIONS=--no-such-option-ats"));
    }

    @Test
    void aMalformedAwsCaBundleIsTheBotocoreRowsProblem() throws Exception {
        Prerequisites.require(examine(Map.of()).get("botocore").present(), "botocore is not installed for python3");
        Path bundle = Files.writeString(dir.resolve("aws-bundle.pem"), "-----BEGIN CERTIFICATE-----\nbroken\n"
                + "-----END CERTIFICATE-----\n");
        TrustStack botocore = examine(Map.of("AWS_CA_BUNDLE", bundle.toString())).get("botocore");

        assertThat(botocore.store()).isEqualTo(bundle.toString());
        assertThat(botocore.rule()).startsWith("AWS_CA_BUNDLE=" + bundle + " is set");
        assertThat(botocore.problem()).hasValueSatisfying(p -> assertThat(p).contains(bundle.toString()));
    }

    @Test
    void anUnsetStoreIsReadAndAStoreWithoutAtsFailsItsAudit() throws Exception {
        Path empty = Files.writeString(dir.resolve("no-ats.pem"), io.github.atstrust.testkit.TestPem.encode(List.of(
                io.github.atstrust.testkit.pki.FakeCa.UNTRUSTED_ROOT.certificate())));
        TrustStack openssl = examine(Map.of("SSL_CERT_FILE", empty.toString())).get("openssl");

        assertThat(openssl.store()).startsWith(empty.toString());
        assertThat(openssl.audit().orElseThrow().verdict()).isNotEqualTo(Verdict.READY);
        assertThat(openssl.audit().orElseThrow().trustsAts()).isFalse();
    }

    @Test
    void theDoctorChangesNothingItReads() throws Exception {
        Map<String, String> before = hashes(examine(Map.of()).values());
        examine(Map.of());
        assertThat(before).isNotEmpty();
        assertThat(hashes(examine(Map.of()).values())).isEqualTo(before);
    }

    /** SHA-256 of every store file the doctor names and of the OS stores themselves. */
    private static Map<String, String> hashes(java.util.Collection<TrustStack> stacks) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        Stream<String> named = stacks.stream().map(TrustStack::store).flatMap(s -> Stream.of(s.split(" ")));
        for (String path : Stream.concat(named, Stream.of("/etc/ssl/certs/ca-certificates.crt", JdkStacks.OS_JAVA_STORE))
                .filter(p -> p.startsWith("/")).distinct().toList()) {
            Path file = Path.of(path);
            if (Files.isRegularFile(file)) {
                hashes.put(path, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(file))) + " " + Files.getLastModifiedTime(file));
            }
        }
        return hashes;
    }

    @Test
    void aSourceOtherThanHostOrAnImageIsRefusedWithTheCommandThatAuditsIt() {
        assertThatThrownBy(() -> TrustStack.examine("/etc/ssl/certs")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("/etc/ssl/certs: the doctor examines host or docker:IMAGE; to audit a store file, use ats "
                        + "audit /etc/ssl/certs");
        assertThatThrownBy(() -> TrustStack.examine("docker:-bad")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an image name");
    }
}
