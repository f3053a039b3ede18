package io.github.atstrust.testkit.server;

import io.github.atstrust.testkit.pki.FakeAtsHierarchy;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.KeyType;
import io.github.atstrust.testkit.scenario.Scenario;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a start signed (the CA copies with the server's URLs, the revoked copies, the leaves), kept between runs
 * in the user's cache directory, keyed by everything that goes into it: the kit's build, the fixtures, the
 * scenarios' definitions, the plain connector's URL and the hour of issuance. A hit is used only when whole and
 * consistent with the fixtures; anything else (corrupt, foreign, another build) is ignored and signed anew. A
 * cache that cannot be read or written never fails a start. Off with {@code -Dats.cache=off} or
 * {@code ATS_CACHE=off}; elsewhere with {@code -Dats.cache.dir=DIR} or {@code ATS_CACHE_DIR}.
 */
final class SignedMaterialCache {

    static final int MAX_ENTRIES = 16;
    private static final String HEADER = "ats-trust-kit signed material v1";
    private static final Pattern ENTRY = Pattern.compile("[0-9a-f]{64}\\.entry");
    /** What a write leaves behind when its JVM dies before the move: removed once an hour old. */
    private static final Pattern TEMPORARY = Pattern.compile("\\.([0-9a-f]{64}|port)-[0-9]+\\.tmp");

    /** The certificates one start signed; revoked copies and leaves by scenario id. */
    record Material(Map<FakeCa, X509Certificate> copies, Map<String, X509Certificate> revokedCopies,
                    Map<String, X509Certificate> leaves) {
    }

    private final Path directory;

    private SignedMaterialCache(Path directory) {
        this.directory = directory;
    }

    static SignedMaterialCache off() {
        return new SignedMaterialCache(null);
    }

    static SignedMaterialCache at(Path directory) {
        return new SignedMaterialCache(directory);
    }

    /** As the user set it up: off, a directory of their choice, or {@code $XDG_CACHE_HOME/ats-trust-kit}. */
    static SignedMaterialCache fromEnvironment() {
        String setting = System.getProperty("ats.cache", System.getenv().getOrDefault("ATS_CACHE", "on"));
        if (setting.equalsIgnoreCase("off") || setting.equalsIgnoreCase("false")) {
            return off();
        }
        String chosen = System.getProperty("ats.cache.dir", System.getenv("ATS_CACHE_DIR"));
        if (chosen != null && !chosen.isBlank()) {
            return at(Path.of(chosen));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return at(base.resolve("ats-trust-kit"));
    }

    boolean enabled() {
        return directory != null;
    }

    /** The key of a start's material: a SHA-256 of every input of the signing, in a fixed order. */
    static String key(List<Scenario> scenarios, URI base, Instant issuance) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            StringBuilder text = new StringBuilder(HEADER).append('\n').append(KitBuild.id()).append('\n')
                    .append(base).append('\n').append(issuance).append('\n');
            for (FakeCa ca : FakeCa.values()) {
                digest.update(ca.certificate().getEncoded());
            }
            for (KeyType type : scenarios.stream().map(s -> s.leaf().keyType()).distinct().sorted().toList()) {
                digest.update(FakeAtsHierarchy.load().leafKeyPair(type).getPublic().getEncoded());
            }
            for (Scenario scenario : scenarios) {
                text.append(scenario.id()).append('|').append(scenario.leaf()).append('|')
                        .append(scenario.leafIssuer().map(FakeCa::id).orElse("-")).append('|')
                        .append(scenario.sentAfterLeaf().stream().map(FakeCa::id).toList()).append('|')
                        .append(scenario.behaviour()).append('\n');
            }
            digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The material of {@code key}, if an entry is there, whole, and its digest holds. */
    Optional<Material> read(String key) {
        if (!enabled()) {
            return Optional.empty();
        }
        Path file = directory.resolve(key + ".entry");
        try {
            if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.size(file) > 4L << 20) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 3 || !lines.get(0).equals(HEADER) || !lines.get(1).equals("key " + key)
                    || !lines.get(lines.size() - 1).equals("digest " + digest(lines.subList(0, lines.size() - 1)))) {
                return Optional.empty();
            }
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Map<FakeCa, X509Certificate> copies = new LinkedHashMap<>();
            Map<String, X509Certificate> revoked = new LinkedHashMap<>();
            Map<String, X509Certificate> leaves = new LinkedHashMap<>();
            for (String line : lines.subList(2, lines.size() - 1)) {
                String[] parts = line.split(" ");
                if (parts.length != 3) {
                    return Optional.empty();
                }
                X509Certificate certificate = (X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(Base64.getDecoder().decode(parts[2])));
                switch (parts[0]) {
                    case "copy" -> copies.put(FakeCa.byId(parts[1]), certificate);
                    case "revoked-copy" -> revoked.put(parts[1], certificate);
                    case "leaf" -> leaves.put(parts[1], certificate);
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            return Optional.of(new Material(copies, revoked, leaves));
        } catch (IOException | GeneralSecurityException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Keeps {@code material} under {@code key}: written beside, then moved; the oldest entries beyond the bound go. */
    void write(String key, Material material) {
        if (!enabled()) {
            return;
        }
        List<String> lines = new ArrayList<>(List.of(HEADER, "key " + key));
        material.copies().forEach((ca, c) -> lines.add("copy " + ca.id() + " " + encode(c)));
        material.revokedCopies().forEach((id, c) -> lines.add("revoked-copy " + id + " " + encode(c)));
        material.leaves().forEach((id, c) -> lines.add("leaf " + id + " " + encode(c)));
        lines.add("digest " + digest(lines));
        try {
            createDirectory();
            Path temporary = Files.createTempFile(directory, "." + key + "-", ".tmp");
            try {
                Files.write(temporary, lines, StandardCharsets.UTF_8);
                Files.move(temporary, directory.resolve(key + ".entry"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            prune();
        } catch (IOException | RuntimeException unwritable) {
            // a cache that cannot be written costs the next start its signing, nothing else
        }
    }

    /** The plain connector port the last start on {@code bind} had, to ask for first. */
    OptionalInt lastPort(InetAddress bind) {
        if (!enabled()) {
            return OptionalInt.empty();
        }
        try {
            String text = Files.readString(portFile(bind), StandardCharsets.US_ASCII).strip();
            int port = Integer.parseInt(text);
            return port > 1023 && port < 65536 ? OptionalInt.of(port) : OptionalInt.empty();
        } catch (IOException | RuntimeException absent) {
            return OptionalInt.empty();
        }
    }

    void rememberPort(InetAddress bind, int port) {
        if (!enabled()) {
            return;
        }
        try {
            createDirectory();
            Path temporary = Files.createTempFile(directory, ".port-", ".tmp");
            try {
                Files.writeString(temporary, port + "\n", StandardCharsets.US_ASCII);
                Files.move(temporary, portFile(bind), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | RuntimeException unwritable) {
            // the next start takes any free port, as without a cache
        }
    }

    private Path portFile(InetAddress bind) {
        return directory.resolve("last-port-" + bind.getHostAddress().replace(':', '_'));
    }

    private void createDirectory() throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            try {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // the platform's default permissions
            }
        }
    }

    /**
     * Removes the least recently used entries beyond {@link #MAX_ENTRIES}, and what writes of dead JVMs left an hour
     * ago or more; only files the cache itself names.
     */
    private void prune() throws IOException {
        List<Path> entries;
        List<Path> leftOver;
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> all = files.toList();
            entries = new ArrayList<>(all.stream().filter(f -> ENTRY.matcher(f.getFileName().toString()).matches()).toList());
            leftOver = all.stream().filter(f -> TEMPORARY.matcher(f.getFileName().toString()).matches()).toList();
        }
        FileTime anHourAgo = FileTime.from(Instant.now().minus(java.time.Duration.ofHours(1)));
        for (Path temporary : leftOver) {
            if (modified(temporary).compareTo(anHourAgo) < 0) {
                Files.deleteIfExists(temporary);
            }
        }
        if (entries.size() <= MAX_ENTRIES) {
            return;
        }
        entries.sort(java.util.Comparator.comparing(SignedMaterialCache::modified));
        for (Path stale : entries.subList(0, entries.size() - MAX_ENTRIES)) {
            Files.deleteIfExists(stale);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException gone) {
            return FileTime.fromMillis(0);
        }
    }

    private static String encode(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String digest(List<String> lines) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
