package io.github.atstrust.cli;

import static io.github.atstrust.cli.BadInputCatalogueTest.audit;
import static io.github.atstrust.cli.BadInputCatalogueTest.bad;
import static io.github.atstrust.cli.BadInputCatalogueTest.bytes;
import static io.github.atstrust.cli.BadInputCatalogueTest.fifo;
import static io.github.atstrust.cli.BadInputCatalogueTest.store;
import static io.github.atstrust.cli.BadInputCatalogueTest.write;

import io.github.atstrust.cli.BadInputCatalogueTest.Case;
import io.github.atstrust.testkit.TestPem;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * The second half of the bad-input catalogue: what a hostile-but-fair user tried against the command line (#24),
 * each refused with exit 2, one line naming the input and the fix, and nothing changed.
 */
final class HostileInputCases {

    private HostileInputCases() {
    }

    static Stream<Case> cases() {
        return Stream.of(
                // audit: sources that name nothing, or something else than they say
                // --html: a page is written only where nothing of the user's is
                bad("audit --html onto a user's file", d -> new String[] {"audit", "--html", write(d, "notes.html",
                        "<p>my notes</p>").toString(), "jvm"}, "notes.html", "not a page ats wrote"),
                bad("audit --html into a missing directory", d -> new String[] {"audit", "--html",
                        d.resolve("nowhere/audit.html").toString(), "jvm"}, "nowhere", "does not exist"),
                bad("audit --html onto a directory", d -> new String[] {"audit", "--html", d.toString(), "jvm"},
                        "not a regular file"),
                bad("audit --html of two stores", d -> new String[] {"audit", "--html", d.resolve("a.html").toString(),
                        "jvm", "jvm"}, "--html", "one SOURCE"),
                bad("diff --html onto a user's file", d -> new String[] {"diff", "--html", write(d, "page.html",
                        "<html>mine</html>").toString(), "jvm", "jvm"}, "page.html", "not a page ats wrote"),
                bad("audit of an empty argument", d -> new String[] {"audit", ""}, "empty trust store"),
                bad("audit of file: with no path", d -> new String[] {"audit", "file:"}, "empty path", "current directory"),
                bad("audit of classpath: with no resource", d -> new String[] {"audit", "classpath:"}, "classpath:",
                        "names no resource"),
                bad("audit of a missing classpath resource", d -> new String[] {"audit", "classpath:no/such.p12"},
                        "no/such.p12", "no such resource"),
                bad("audit of docker: with no image", d -> new String[] {"audit", "docker:"}, "docker:", "not an image name"),
                bad("audit of @FILE is a path, never arguments", d -> new String[] {"audit", "@" + write(d, "args",
                        "root:x:0:0:root:/root:/bin/bash")}, "@", "no such file"),
                bad("audit of a DER certificate named .jks", d -> audit(bytes(d, "cert.jks", der())), "cert.jks",
                        "a DER certificate, not a key store"),
                bad("audit of a DER certificate named .p12", d -> audit(bytes(d, "cert.p12", der())), "cert.p12",
                        "a DER certificate, not a key store"),
                bad("audit of a JKS store named .p12", d -> audit(store(d, "named.p12", "JKS", "changeit")), "named.p12",
                        "the content is JKS"),
                bad("audit of a link to /dev/zero", d -> audit(Files.createSymbolicLink(d.resolve("zero.pem"),
                        Path.of("/dev/zero"))), "zero.pem", "not a regular file"),
                bad("audit of a directory holding only a FIFO", d -> {
                    Path only = Files.createDirectory(d.resolve("certs"));
                    fifo(only, "a.pem");
                    return audit(only);
                }, "certs", "no readable certificate"),
                bad("audit of a directory holding only a private key", d -> {
                    Path keys = Files.createDirectory(d.resolve("keys"));
                    write(keys, "key.pem", "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9m"
                            + "WG9qfSnF\n-----END PRIVATE KEY-----\n");
                    return audit(keys);
                }, "keys", "no readable certificate"),
                // audit: hostile encodings
                bad("audit of 80 KB of nested indefinite-length BER", d -> audit(bytes(d, "n.der", nestedBer(20_000))),
                        "n.der", "nested more than 64 levels"),
                bad("audit of nested BER in a CERTIFICATE block after 10,000 header lines", d -> audit(write(d, "n.pem",
                        "X-Junk: header\n".repeat(10_000) + "-----BEGIN CERTIFICATE-----\n"
                                + Base64.getMimeEncoder().encodeToString(nestedBer(20_000)) + "\n-----END CERTIFICATE-----\n")),
                        "n.pem", "nested more than 64 levels"),
                bad("audit of nested BER named .p12", d -> audit(bytes(d, "n.p12", nestedBer(20_000))), "n.p12", "nested"),
                bad("audit of a CERTIFICATE block of garbage", d -> audit(write(d, "garbage.pem",
                        "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n")),
                        "garbage.pem", "malformed"),
                bad("audit of a truncated TRUSTED CERTIFICATE", d -> audit(write(d, "trusted.pem",
                        TestPem.encode(List.of(RealAtsRoot.AMAZON_ROOT_CA_1.certificate()))
                                .replace("CERTIFICATE", "TRUSTED CERTIFICATE").substring(0, 200))), "trusted.pem", "truncated"),
                bad("audit of 100,000 BEGIN lines without an END", d -> audit(write(d, "begins.pem",
                        "-----BEGIN CERTIFICATE-----\n".repeat(100_000))), "begins.pem", "truncated"),
                bad("audit of a PKCS7 block of garbage", d -> audit(write(d, "bad.p7b",
                        "-----BEGIN PKCS7-----\nMAA=\n-----END PKCS7-----\n")), "bad.p7b", "malformed"),
                // audit: options
                bad("audit with a day that is not a date", d -> audit(Path.of("jvm"), "--as-of", "tomorrow"), "tomorrow",
                        "YYYY-MM-DD"),
                bad("audit with a negative size limit", d -> audit(Path.of("jvm"), "--max-size", "-1"), "--max-size -1",
                        "positive"),
                bad("audit with a size limit that is not a number", d -> audit(Path.of("jvm"), "--max-size", "lots"),
                        "lots", "--max-size"),
                bad("audit with an empty requirement", d -> audit(Path.of("jvm"), "--require", ""), "unknown requirement"),
                bad("audit with an unknown option", d -> new String[] {"audit", "--frobnicate", "jvm"}, "--frobnicate"),
                // diff
                bad("diff with a FIFO after", d -> new String[] {"diff", store(d, "before.p12", "PKCS12", "changeit")
                        .toString(), fifo(d, "after.pem").toString()}, "after.pem", "FIFO"),
                bad("diff with an empty file before", d -> new String[] {"diff", write(d, "before.pem", "").toString(),
                        "jvm"}, "before.pem", "empty"),
                bad("diff with an unknown requirement", d -> new String[] {"diff", "--require", "root-9", "jvm", "jvm"},
                        "root-9"),
                // export: never into what the kit did not write
                bad("export through a link to a user's directory", d -> {
                    Path users = Files.createDirectory(d.resolve("users"));
                    write(users, "mine.txt", "mine");
                    return new String[] {"export", "--dir", Files.createSymbolicLink(d.resolve("link"), users).toString()};
                }, "users", "did not write"),
                bad("export into an earlier export whose ca is a link", d -> {
                    Path export = d.resolve("export");
                    CliRun.of("export", "--dir", export.toString());
                    Path elsewhere = Files.createDirectory(d.resolve("elsewhere"));
                    try (var files = Files.list(export.resolve("ca"))) {
                        for (Path file : files.toList()) {
                            Files.delete(file);
                        }
                    }
                    Files.delete(export.resolve("ca"));
                    Files.createSymbolicLink(export.resolve("ca"), elsewhere);
                    return new String[] {"export", "--dir", export.toString()};
                }, "holds ca", "did not write"),
                bad("export into an export whose file the user changed", d -> {
                    Path export = d.resolve("export");
                    CliRun.of("export", "--dir", export.toString());
                    write(export, "no-ats.pem", "edited");
                    return new String[] {"export", "--dir", export.toString()};
                }, "no-ats.pem", "changed since"),
                bad("export into a directory holding a user's .ats-export-x", d -> {
                    Path mine = Files.createDirectories(d.resolve("out/.ats-export-x"));
                    write(mine, "keep.txt", "mine");
                    return new String[] {"export", "--dir", d.resolve("out").toString()};
                }, ".ats-export-x", "did not write"),
                bad("export into an empty --dir", d -> new String[] {"export", "--dir", ""}, "--dir", "empty"),
                // serve: never deletes or overwrites what is not its own
                bad("serve with a manifest path holding a user's file", d -> new String[] {"serve", "--manifest",
                        d.resolve("decoys/passwd").toString()}, "passwd", "not a manifest of ats serve"),
                bad("serve with a manifest path that is a link", d -> new String[] {"serve", "--manifest",
                        Files.createSymbolicLink(d.resolve("m.json"), d.resolve("decoys/notes.txt")).toString()},
                        "m.json", "symbolic link"),
                bad("serve with an empty manifest path", d -> new String[] {"serve", "--manifest", ""}, "--manifest", "empty"),
                bad("serve with an export directory holding a user's files", d -> new String[] {"serve", "--export-dir",
                        d.resolve("decoys").toString()}, "decoys", "did not write"),
                bad("serve with an export directory that is a file", d -> new String[] {"serve", "--export-dir",
                        d.resolve("decoys/notes.txt").toString()}, "notes.txt", "a file, not a directory"),
                bad("serve with a request deadline of 0", d -> new String[] {"serve", "--request-deadline", "0"},
                        "request deadline", "positive"),
                bad("serve with a stall limit over a day", d -> new String[] {"serve", "--stall-limit", "2147484"},
                        "stall limit", "at most a day"),
                bad("serve with a handshake deadline over a day", d -> new String[] {"serve", "--handshake-deadline",
                        "100000"}, "handshake deadline", "at most a day"),
                bad("serve with a negative index port", d -> new String[] {"serve", "--index-port", "-1"}, "-1", "0 to 65535"),
                bad("serve of an empty scenario id", d -> new String[] {"serve", "--only", ""}, "unknown scenario"),
                // live
                bad("live with a connect-to of too many parts", d -> new String[] {"live", "--connect-to", "a:1:b:2:::"},
                        "a:1:b:2:::", "HOST:PORT:HOST2:PORT2"),
                bad("live with a connect-to port of 0", d -> new String[] {"live", "--connect-to", "a:0:127.0.0.1:1"},
                        "'0' is not a port"),
                bad("live with an unbracketed IPv6 target", d -> new String[] {"live", "--connect-to", "a:443:::1:8443"},
                        "a:443:::1:8443", "in brackets"),
                bad("live of an unknown endpoint", d -> new String[] {"live", "--only", "no-such-endpoint"},
                        "no-such-endpoint", "valid ids"),
                bad("live with a timeout of 0", d -> new String[] {"live", "--timeout", "0"}, "--timeout 0", "positive"),
                bad("live with a missing trust store", d -> new String[] {"live", "--truststore",
                        d.resolve("gone.p12").toString()}, "gone.p12", "no such file"),
                bad("pins with a pin that is no SHA-256 pin", d -> new String[] {"pins", "md5/xyz"}, "md5/xyz",
                        "sha256/BASE64"),
                bad("pins with a digest of the wrong length", d -> new String[] {"pins", "sha256/AAAA"}, "sha256/AAAA",
                        "64 hex digits"),
                bad("pins without a pin", d -> new String[] {"pins"}, "PIN"),
                // the command itself
                bad("an unknown command", d -> new String[] {"frobnicate"}, "frobnicate"));
    }

    private static byte[] der() throws Exception {
        return RealAtsRoot.AMAZON_ROOT_CA_1.certificate().getEncoded();
    }

    private static byte[] nestedBer(int depth) {
        byte[] bytes = new byte[depth * 4];
        for (int i = 0; i < depth; i++) {
            bytes[2 * i] = 0x30;
            bytes[2 * i + 1] = (byte) 0x80;
        }
        return bytes;
    }
}
