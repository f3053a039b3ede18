package io.github.atstrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.TestPem;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input catalogue of the command line (docs/bad-input.md lists it with the API and JUnit cases): every
 * bad input exits 2 with one line naming the input and what to do, leaves every input file as it was (same
 * bytes) and writes nothing.
 */
class BadInputCatalogueTest {

    /** One bad input: how to make it in a fresh directory, the command line, and words the message must hold. */
    record Case(String name, Setup setup, List<String> mustSay) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Setup {
        String[] args(Path dir) throws Exception;
    }

    private static ServerSocket portInUse;

    @TempDir
    Path dir;

    @BeforeAll
    static void takeAPort() throws IOException {
        portInUse = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @AfterAll
    static void releaseThePort() throws IOException {
        portInUse.close();
    }

    static Stream<Case> cases() {
        return Stream.concat(firstCases(), HostileInputCases.cases());
    }

    private static Stream<Case> firstCases() {
        return Stream.of(
                // audit: what it reads
                bad("audit of a missing path", d -> audit(d.resolve("missing.p12")), "missing.p12", "no such file"),
                bad("audit of an empty file", d -> audit(write(d, "empty.pem", "")), "empty.pem", "empty"),
                bad("audit of a truncated PEM", d -> audit(write(d, "cut.pem",
                        TestPem.encode(List.of(RealAtsRoot.AMAZON_ROOT_CA_1.certificate())).substring(0, 300))), "cut.pem", "truncated"),
                bad("audit of binary garbage", d -> audit(bytes(d, "noise.bin", new byte[] {1, 2, 3, 4, 5, 6, 7, 8})),
                        "noise.bin", "neither a PEM"),
                bad("audit of a PEM holding only a private key", d -> audit(write(d, "key.pem",
                        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF\n"
                                + "-----END PRIVATE KEY-----\n")), "key.pem", "private key but no certificate"),
                bad("audit of a PKCS12 store with the wrong password", d -> audit(store(d, "roots.p12", "PKCS12", "right"),
                        "--password", "wrong"), "roots.p12", "wrong password"),
                bad("audit of a JKS store with the wrong password", d -> audit(store(d, "roots.jks", "JKS", "right"),
                        "--password", "wrong"), "roots.jks", "wrong password"),
                bad("audit of a .jks file that is PKCS12", d -> audit(store(d, "named.jks", "PKCS12", "changeit")),
                        "named.jks", "rename"),
                bad("audit of a key store without certificates", d -> audit(emptyStore(d)), "empty.p12", "holds no certificate"),
                bad("audit of a directory without certificates", d -> {
                    write(d, "notes.txt", "no certificates here");
                    return audit(d);
                }, "no readable certificate"),
                bad("audit of a FIFO", d -> audit(fifo(d, "pipe.pem")), "pipe.pem", "FIFO"),
                bad("audit of a character device", d -> audit(Path.of("/dev/zero")), "/dev/zero", "not a regular file"),
                bad("audit of a file over the size limit", d -> audit(bytes(d, "big.pem", new byte[2 * 1024 * 1024]),
                        "--max-size", "1"), "big.pem", "over the limit", "--max-size"),
                bad("audit of a directory over the size limit", d -> {
                    bytes(d, "a.pem", new byte[700 * 1024]);
                    bytes(d, "b.pem", new byte[700 * 1024]);
                    return audit(d, "--max-size", "1");
                }, "add up to more than", "--max-size"),
                bad("audit with a size limit of 0", d -> audit(Path.of("jvm"), "--max-size", "0"), "--max-size 0", "positive"),
                bad("audit with an unknown requirement", d -> audit(Path.of("jvm"), "--require", "root-9"), "root-9",
                        "any-guide-anchor"),
                bad("audit of docker:--help", d -> new String[] {"audit", "docker:--help"}, "docker:--help", "not an image name"),
                // diff
                bad("diff with a FIFO before", d -> new String[] {"diff", fifo(d, "before.pem").toString(),
                        store(d, "after.p12", "PKCS12", "changeit").toString()}, "before.pem", "FIFO"),
                bad("diff with a missing after", d -> new String[] {"diff", store(d, "before.p12", "PKCS12", "changeit")
                        .toString(), d.resolve("gone.p12").toString()}, "gone.p12", "no such file"),
                bad("diff with one store only", d -> new String[] {"diff", "jvm"}, "AFTER"),
                // export
                bad("export onto a file", d -> new String[] {"export", "--dir", write(d, "file", "mine").toString()},
                        "file", "a file, not a directory"),
                bad("export into a directory holding a user's file", d -> {
                    write(d, "all-ats.pem", "my own bundle");
                    return new String[] {"export", "--dir", d.toString()};
                }, "all-ats.pem", "did not write"),
                bad("export into a directory holding a directory of the same name", d -> {
                    Files.createDirectories(d.resolve("all-ats.p12"));
                    return new String[] {"export", "--dir", d.toString()};
                }, "all-ats.p12", "did not write"),
                bad("export into the file system root", d -> new String[] {"export", "--dir", "/"}, "/", "file system root"),
                bad("export into /proc", d -> new String[] {"export", "--dir", "/proc/ats-export"}, "/proc/ats-export",
                        "check the path"),
                bad("export below a file", d -> new String[] {"export", "--dir", write(d, "plain", "x").resolve("sub").toString()},
                        "plain", "Not a directory"),
                // serve: refused before any server starts
                bad("serve on a non-loopback address", d -> new String[] {"serve", "--bind", "10.1.2.3"}, "10.1.2.3",
                        "--allow-non-loopback"),
                bad("serve of an unknown scenario", d -> new String[] {"serve", "--only", "ats-root-ca-9"}, "ats-root-ca-9",
                        "valid ids"),
                bad("serve on an index port in use", d -> new String[] {"serve", "--index-port",
                        String.valueOf(portInUse.getLocalPort())}, String.valueOf(portInUse.getLocalPort()), "choose another port"),
                bad("serve on an index port out of range", d -> new String[] {"serve", "--index-port", "70000"}, "70000",
                        "0 to 65535"),
                bad("serve with a manifest in a missing directory", d -> new String[] {"serve", "--manifest",
                        d.resolve("nowhere/m.json").toString()}, "nowhere", "does not exist"),
                bad("serve with a manifest that is a directory", d -> new String[] {"serve", "--manifest", d.toString()},
                        "is a directory"),
                bad("serve with a manifest under /proc", d -> new String[] {"serve", "--manifest", "/proc/ats.json"},
                        "/proc/ats.json", "cannot write"),
                bad("serve with a stall limit of 0", d -> new String[] {"serve", "--stall-limit", "0"}, "stall limit", "positive"),
                bad("serve with a handshake deadline of 0", d -> new String[] {"serve", "--handshake-deadline", "0"},
                        "handshake deadline", "positive"),
                bad("serve with a non-numeric port", d -> new String[] {"serve", "--index-port", "http"}, "http", "--index-port"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputExitsTwoWithOneLineNamingItAndChangesNothing(Case c) throws Exception {
        Files.createDirectories(dir.resolve("decoys"));
        Files.writeString(dir.resolve("decoys/passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.writeString(dir.resolve("decoys/notes.txt"), "a user's own file");
        String[] args = c.setup().args(dir);
        Map<Path, String> before = snapshot(dir);
        Map<Path, String> etcBefore = DirectoryHashes.of(Path.of("/etc/passwd"));

        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).as("exit code; err: %s", run.err()).isEqualTo(2);
        List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as("one line of error: %s", run.err()).hasSize(1);
        assertThat(run.err()).as(run.err()).contains(c.mustSay());
        assertThat(run.out()).as("nothing served").doesNotContain("Ready in");
        assertThat(snapshot(dir)).as("input files unchanged, nothing written").isEqualTo(before);
        assertThat(DirectoryHashes.of(Path.of("/etc/passwd"))).as("/etc/passwd unchanged").isEqualTo(etcBefore);
        assertThat(run.err()).as("no content of a file echoed").doesNotContain("root:x:0:0");
    }

    @Test
    void aBundleWithOneCertificateTenThousandTimesIsAuditedAsOne() throws Exception {
        String one = TestPem.encode(List.of(FakeCa.AMAZON_ROOT_CA_1.certificate()));
        Path bundle = write(dir, "repeated.pem", String.join("", Collections.nCopies(10_000, one)));

        CliRun run = CliRun.of("audit", bundle.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("1 certificates").contains("TEST ONLY");
        assertThat(run.out().lines().count()).isLessThan(40);
    }

    static Case bad(String name, Setup setup, String... mustSay) {
        return new Case(name, setup, List.of(mustSay));
    }

    static String[] audit(Path source, String... options) {
        List<String> args = new ArrayList<>(List.of("audit"));
        args.addAll(List.of(options));
        args.add(source.toString());
        return args.toArray(String[]::new);
    }

    static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    static Path bytes(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    static Path fifo(Path dir, String name) throws Exception {
        Path fifo = dir.resolve(name);
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).as("mkfifo").isZero();
        return fifo;
    }

    static Path store(Path dir, String name, String type, String password) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        store.setCertificateEntry("root", RealAtsRoot.AMAZON_ROOT_CA_1.certificate());
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    private static Path emptyStore(Path dir) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        Path file = dir.resolve("empty.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        return file;
    }

    private static Map<Path, String> snapshot(Path dir) throws Exception {
        return DirectoryHashes.of(dir);
    }
}
