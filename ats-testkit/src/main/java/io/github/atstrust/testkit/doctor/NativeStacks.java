package io.github.atstrust.testkit.doctor;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The C stacks and the programs built on them: OpenSSL's default file and directory, curl, wget, GnuTLS's
 * compiled-in system trust, Go's crypto/x509 file list, the AWS CRT's file list, and NSS databases.
 */
final class NativeStacks {

    /** The files Go's crypto/x509 tries on Linux, in order (root_linux.go); the first that exists is read. */
    static final List<String> GO_FILES = List.of("/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt",
            "/etc/ssl/ca-bundle.pem", "/etc/pki/tls/cacert.pem", "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
            "/etc/ssl/cert.pem");

    /** The files the AWS CRT (aws-c-io) tries on Linux, in order; it reads no environment variable. */
    static final List<String> CRT_FILES = List.of("/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt",
            "/etc/ssl/ca-bundle.pem", "/etc/pki/tls/cacert.pem", "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem");

    private static final Pattern CA_PATH = Pattern.compile("/[A-Za-z0-9_./-]*(?:ca-certificates\\.crt|ca-bundle\\.crt|"
            + "cacert\\.pem|cert\\.pem|ca-bundle\\.pem)");

    private NativeStacks() {
    }

    /** OpenSSL's default paths as the {@code openssl} command reports them. */
    record OpenSslDefaults(String version, String dir, String file, String fileRule, String directory) {
    }

    private static Optional<OpenSslDefaults> openSslDefaults(Machine machine) {
        Optional<String> version = machine.output("openssl", "version").map(String::strip);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        String dir = machine.output("openssl", "version", "-d").map(o -> o.replaceAll("(?s).*OPENSSLDIR: \"([^\"]*)\".*", "$1"))
                .map(String::strip).orElse("/usr/lib/ssl");
        Optional<String> fileVariable = machine.env("SSL_CERT_FILE");
        String file = fileVariable.orElse(dir + "/cert.pem");
        String fileRule = fileVariable.isPresent() ? "SSL_CERT_FILE=" + file + " is set"
                : "SSL_CERT_FILE unset: OPENSSLDIR/cert.pem (OPENSSLDIR " + dir + ")" + linkNote(machine, file);
        String directory = machine.env("SSL_CERT_DIR").orElse(dir + "/certs");
        return Optional.of(new OpenSslDefaults(version.get(), dir, file, fileRule, directory));
    }

    static String linkNote(Machine machine, String path) {
        Optional<String> target = machine.realPath(path);
        if (target.isEmpty()) {
            return ", which does not exist";
        }
        return target.get().equals(path) ? "" : ", which links to " + target.get()
                + (target.get().equals(GO_FILES.get(0)) ? ", the OS bundle" : "");
    }

    /**
     * What several stacks share, asked of the machine once: OpenSSL's default paths (OpenSSL's row, wget on
     * OpenSSL, Node on OpenSSL's store) and GnuTLS's library with the trust compiled into it (GnuTLS's row, wget).
     */
    record SystemDefaults(Optional<OpenSslDefaults> openSsl, Optional<String> gnutlsLibrary,
                          Optional<String> gnutlsTrust) {
        static SystemDefaults of(Machine machine) {
            Optional<String> library = library(machine, "libgnutls.so.30");
            return new SystemDefaults(openSslDefaults(machine), library,
                    library.flatMap(lib -> compiledPathIn(machine, lib)));
        }
    }

    static TrustStack openSsl(Machine machine, SystemDefaults system) {
        Optional<OpenSslDefaults> defaults = system.openSsl();
        if (defaults.isEmpty()) {
            return Doctor.absent("openssl", "OpenSSL (the openssl command)", "no openssl command on PATH");
        }
        OpenSslDefaults d = defaults.get();
        String rule = d.fileRule() + "; directory " + d.directory() + (machine.env("SSL_CERT_DIR").isPresent()
                ? " (SSL_CERT_DIR)" : " (SSL_CERT_DIR unset)") + ". Every program using OpenSSL's default paths reads "
                + "these (Python's ssl, curl without CURL_CA_BUNDLE, Node with --use-openssl-ca)";
        StoreAudit audit = machine.isFile(d.file()) ? StoreAudit.of(machine, d.file(), null)
                : StoreAudit.of(machine, d.directory(), null);
        return new TrustStack("openssl", "OpenSSL default paths", true, d.version(), d.file() + " + " + d.directory(),
                rule, "SSL_CERT_FILE=FILE (a PEM bundle), or openssl s_client -CAfile FILE", audit.report(),
                audit.problem());
    }

    static TrustStack curl(Machine machine) {
        Optional<String> version = machine.output("curl", "--version").map(o -> o.lines().findFirst().orElse(""));
        if (version.isEmpty()) {
            return Doctor.absent("curl", "curl", "no curl command on PATH");
        }
        String store;
        String rule;
        if (machine.env("CURL_CA_BUNDLE").isPresent()) {
            store = machine.env("CURL_CA_BUNDLE").get();
            rule = "CURL_CA_BUNDLE=" + store + " is set (the curl command reads it before anything else)";
        } else if (machine.env("SSL_CERT_FILE").isPresent()) {
            store = machine.env("SSL_CERT_FILE").get();
            rule = "CURL_CA_BUNDLE unset; SSL_CERT_FILE=" + store + " is set, which the curl command reads next";
        } else {
            Optional<String> compiled = machine.which("curl").flatMap(curl -> compiledPath(machine, curl, "libcurl"));
            store = compiled.orElse(GO_FILES.get(0));
            rule = "CURL_CA_BUNDLE and SSL_CERT_FILE unset: the CA file compiled into libcurl ("
                    + compiled.map(c -> "found in the library").orElse("not found in the library; Debian's default assumed")
                    + ")";
        }
        StoreAudit audit = StoreAudit.of(machine, store, null);
        return new TrustStack("curl", "curl", true, version.get().split(" \\(")[0], store, rule,
                "CURL_CA_BUNDLE=FILE, or curl --cacert FILE", audit.report(), audit.problem());
    }

    static TrustStack wget(Machine machine, SystemDefaults system) {
        Optional<String> text = machine.output("wget", "--version");
        if (text.isEmpty()) {
            return Doctor.absent("wget", "wget", "no wget command on PATH");
        }
        String version = text.get().lines().findFirst().orElse("").replace(" built on linux-gnu.", "");
        boolean gnutls = text.get().contains("+ssl/gnutls");
        Optional<String> configured = wgetrc(machine);
        String store;
        String rule;
        if (configured.isPresent()) {
            store = configured.get();
            rule = "ca_certificate = " + store + " in a wgetrc";
        } else if (gnutls) {
            store = system.gnutlsTrust().orElse(GO_FILES.get(0));
            rule = "no ca_certificate in ~/.wgetrc or /etc/wgetrc; this wget is built on GnuTLS, whose system trust is "
                    + "compiled in; SSL_CERT_FILE changes nothing for it";
        } else {
            store = system.openSsl().map(OpenSslDefaults::file).orElse(GO_FILES.get(0));
            rule = "no ca_certificate in ~/.wgetrc or /etc/wgetrc; this wget is built on OpenSSL: its default paths";
        }
        StoreAudit audit = StoreAudit.of(machine, store, null);
        return new TrustStack("wget", "wget (" + (gnutls ? "GnuTLS" : "OpenSSL") + ")", true, version, store, rule,
                "wget --ca-certificate=FILE, or ca_certificate = FILE in ~/.wgetrc", audit.report(), audit.problem());
    }

    private static Optional<String> wgetrc(Machine machine) {
        for (String rc : List.of(machine.env("WGETRC").orElse(Machine.home(machine) + "/.wgetrc"), "/etc/wgetrc")) {
            if (!machine.isFile(rc)) {
                continue;
            }
            try {
                Matcher m = Pattern.compile("(?m)^\\s*ca_?certificate\\s*=\\s*(\\S+)").matcher(
                        new String(machine.read(rc), StandardCharsets.UTF_8));
                if (m.find()) {
                    return Optional.of(m.group(1));
                }
            } catch (IllegalArgumentException unreadable) {
                // an unreadable wgetrc is skipped by wget too
            }
        }
        return Optional.empty();
    }

    static TrustStack gnutls(Machine machine, SystemDefaults system) {
        Optional<String> library = system.gnutlsLibrary();
        if (library.isEmpty()) {
            return Doctor.absent("gnutls", "GnuTLS system trust", "no libgnutls.so.30 (ldconfig -p)");
        }
        Optional<String> compiled = system.gnutlsTrust();
        String store = compiled.orElse(GO_FILES.get(0));
        StoreAudit audit = StoreAudit.of(machine, store, null);
        String version = machine.output("gnutls-cli", "--version").flatMap(o -> o.lines().findFirst()).orElse("");
        return new TrustStack("gnutls", "GnuTLS system trust (wget, git and apt on Debian)", true, version, store,
                "compiled into " + library.get() + " (--with-default-trust-store-file" + (compiled.isEmpty()
                        ? ", not found in the library: Debian's default assumed" : "") + "); GnuTLS reads no "
                        + "environment variable for it",
                "the program's own CA option (gnutls-cli --x509cafile FILE, wget --ca-certificate=FILE, "
                        + "GIT_SSL_CAINFO=FILE), or the OS store", audit.report(), audit.problem());
    }

    static TrustStack go(Machine machine) {
        Optional<String> version = machine.output("go", "version").map(String::strip);
        if (version.isEmpty()) {
            return Doctor.absent("go", "Go crypto/x509", "no go command on PATH (a Go binary cannot be told apart; "
                    + "it reads what this row would say)");
        }
        String store;
        String rule;
        if (machine.env("SSL_CERT_FILE").isPresent()) {
            store = machine.env("SSL_CERT_FILE").get();
            rule = "SSL_CERT_FILE=" + store + " is set: Go reads it instead of its file list";
        } else {
            store = GO_FILES.stream().filter(machine::isFile).findFirst().orElse(GO_FILES.get(0));
            rule = "SSL_CERT_FILE unset: the first of Go's files that exists (" + String.join(", ", GO_FILES) + ")";
        }
        rule += "; plus the certificates of " + machine.env("SSL_CERT_DIR").map(d -> d + " (SSL_CERT_DIR)")
                .orElse("/etc/ssl/certs and /etc/pki/tls/certs (SSL_CERT_DIR unset)");
        StoreAudit audit = StoreAudit.of(machine, store, null);
        return new TrustStack("go", "Go crypto/x509 (" + version.get().replace("go version ", "") + ")", true,
                version.get().replace("go version ", ""), store, rule, "SSL_CERT_FILE=FILE", audit.report(), audit.problem());
    }

    static TrustStack awsCrt(Machine machine) {
        String repository = Machine.home(machine) + "/.m2/repository/software/amazon/awssdk/crt/aws-crt";
        List<String> versions = machine.list(repository);
        boolean onClassPath = machine.isHost() && present("software.amazon.awssdk.crt.CRT");
        if (versions.isEmpty() && !onClassPath) {
            return Doctor.absent("aws-crt", "AWS CRT (aws-crt-java, the SDK's CRT HTTP clients)", "not on this JVM's "
                    + "class path, none in " + repository);
        }
        String store = CRT_FILES.stream().filter(machine::isFile).findFirst().orElse(CRT_FILES.get(0));
        StoreAudit audit = StoreAudit.of(machine, store, null);
        return new TrustStack("aws-crt", "AWS CRT (aws-crt-java, the SDK's CRT HTTP clients)", true,
                versions.isEmpty() ? "" : versions.get(versions.size() - 1), store, "aws-c-io on Linux reads the first "
                + "of " + String.join(", ", CRT_FILES) + " that exists and no environment variable: not the JVM's "
                + "trust store (javax.net.ssl.*, SSLContext), not SSL_CERT_FILE (found " + (onClassPath
                ? "on this JVM's class path" : "in " + repository) + ")",
                "the OS store (Debian: /usr/local/share/ca-certificates/ + update-ca-certificates), or in code "
                        + "TlsContextOptions.withCertificateAuthorityFromPath(null, FILE)", audit.report(), audit.problem());
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, NativeStacks.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The user's NSS database and each Firefox profile's; one absent row when there is none. */
    static List<TrustStack> nss(Machine machine) {
        String home = Machine.home(machine);
        List<TrustStack> stacks = new java.util.ArrayList<>();
        if (machine.isDirectory(home + "/.pki/nssdb")) {
            stacks.add(nssDatabase(machine, "nss", "NSS database (Chromium on Linux, NSS tools)", home + "/.pki/nssdb",
                    "added to NSS's built-in Mozilla roots (libnssckbi) by NSS tools and to the Chrome Root Store by "
                    + "Chromium"));
        }
        String firefox = home + "/.mozilla/firefox";
        for (String profile : machine.list(firefox)) {
            if (machine.isFile(firefox + "/" + profile + "/cert9.db")) {
                stacks.add(nssDatabase(machine, "nss:" + firefox + "/" + profile, "Firefox profile " + profile,
                        firefox + "/" + profile, "added by Firefox to its built-in Mozilla roots"));
            }
        }
        if (stacks.isEmpty()) {
            stacks.add(Doctor.absent("nss", "NSS database (Chromium on Linux, NSS tools, Firefox)", "no " + home
                    + "/.pki/nssdb, no Firefox profile in " + firefox));
        }
        return stacks;
    }

    private static TrustStack nssDatabase(Machine machine, String id, String name, String db, String addedTo) {
        Optional<String> listed = machine.output("certutil", "-L", "-d", "sql:" + db);
        String rule = "the anchors of this NSS database, " + addedTo + "; " + listed.map(l -> l.lines()
                .filter(x -> x.matches(".*\\s[a-zA-Z]*C[a-zA-Z]*,\\S*,\\S*\\s*$")).count() + " trusted for TLS "
                + "(certutil -L); the built-in roots are compiled in, so the store is not audited")
                .orElse("certutil is not installed, so its anchors are not listed");
        return new TrustStack(id, name, true, "", "sql:" + db, rule, "certutil -A -d sql:" + db + " -n NAME -t C,, -i FILE",
                Optional.empty(), Optional.empty());
    }

    /** The path of a shared library, as the dynamic linker's cache knows it. */
    static Optional<String> library(Machine machine, String soname) {
        return machine.output("ldconfig", "-p").or(() -> machine.output("/sbin/ldconfig", "-p"))
                .flatMap(cache -> cache.lines().filter(l -> l.strip().startsWith(soname + " "))
                        .map(l -> l.substring(l.indexOf("=> ") + 3).strip()).findFirst());
    }

    /** The CA file compiled into the library named {@code prefix} that {@code program} loads. */
    private static Optional<String> compiledPath(Machine machine, String program, String prefix) {
        return machine.output("ldd", program).flatMap(ldd -> ldd.lines().map(String::strip)
                .filter(l -> l.startsWith(prefix)).map(l -> l.replaceAll(".*=> (\\S+).*", "$1")).findFirst())
                .flatMap(lib -> compiledPathIn(machine, lib));
    }

    private static Optional<String> compiledPathIn(Machine machine, String library) {
        try {
            Matcher m = CA_PATH.matcher(new String(machine.read(library), StandardCharsets.ISO_8859_1));
            return m.find() ? Optional.of(m.group()) : Optional.empty();
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
