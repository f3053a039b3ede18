package io.github.atstrust.testkit.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A directory of certificate files read as one store (as {@code /etc/ssl/certs}): every {@code .pem}, {@code .crt},
 * {@code .cer} and {@code .der} file and every file under OpenSSL's hashed name ({@code 1a2b3c4d.0}), their sizes added up against the limit, unreadable files reported rather than
 * failing the whole directory, duplicates (the same certificate in a file and in the bundle) counted once.
 */
final class CertificateDirectory {

    private CertificateDirectory() {
    }

    static LoadedTrustStore read(Path dir, long maxBytes) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(CertificateDirectory::isCertificateFile).sorted().toList();
        } catch (IOException e) {
            throw new InvalidTrustStoreException(dir + ": cannot list the directory (" + BoundedRead.reason(e)
                    + "); check its permissions", e);
        }
        List<LoadedTrustStore.Entry> entries = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        long total = 0;
        for (Path file : files) {
            try {
                byte[] bytes = BoundedRead.bytes(file, BoundedRead.attributes(file), maxBytes - total);
                total += bytes.length;
                if (TrustStoreReader.looksLikePem(bytes)) {
                    for (Object object : Pem.decode(new String(bytes, StandardCharsets.US_ASCII), file.toString())) {
                        if (object instanceof X509Certificate certificate) {
                            entries.add(new LoadedTrustStore.Entry(file.getFileName().toString(), certificate));
                        }
                    }
                } else {
                    entries.add(TrustStoreReader.single(file, bytes).entries().get(0));
                }
            } catch (BoundedRead.TooLargeException e) {
                throw new InvalidTrustStoreException(dir + ": its certificate files add up to more than " + maxBytes
                        + " bytes (the limit); point at a directory of CA certificates, or raise the limit (--max-size)", e);
            } catch (IllegalArgumentException e) {
                unreadable.add(file.getFileName() + ": " + e.getMessage());
            }
        }
        entries = distinct(entries);
        if (entries.isEmpty()) {
            throw new InvalidTrustStoreException(dir + ": no readable certificate among " + files.size()
                    + " .pem/.crt/.cer/.der or hash-named files; point at a directory of CA certificates");
        }
        return new LoadedTrustStore(dir + " (directory, " + files.size() + " files, " + entries.size() + " certificates)",
                "directory", entries, unreadable);
    }

    /** A directory such as /etc/ssl/certs holds each certificate more than once (files and the bundle). */
    static List<LoadedTrustStore.Entry> distinct(List<LoadedTrustStore.Entry> entries) {
        java.util.Map<X509Certificate, LoadedTrustStore.Entry> first = new java.util.LinkedHashMap<>();
        entries.forEach(entry -> first.putIfAbsent(entry.certificate(), entry));
        return new ArrayList<>(first.values());
    }

    /** OpenSSL's hashed names ({@code c_rehash}, {@code update-ca-certificates}): what {@code curl --capath} reads. */
    private static final java.util.regex.Pattern HASH_NAME = java.util.regex.Pattern.compile("[0-9a-f]{8}\\.[0-9]+");

    private static boolean isCertificateFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer")
                || name.endsWith(".der") || HASH_NAME.matcher(name).matches());
    }
}
