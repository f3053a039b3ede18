package io.github.atstrust.testkit.doctor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every JDK or JRE found ({@code JAVA_HOME}, the {@code java} on {@code PATH}, {@code /usr/lib/jvm/*},
 * {@code /opt/java/openjdk}) and the store its JSSE reads: {@code javax.net.ssl.trustStore} from
 * {@code JAVA_TOOL_OPTIONS} or {@code JDK_JAVA_OPTIONS}, else {@code lib/security/jssecacerts}, else
 * {@code lib/security/cacerts}, which either links to the OS-generated {@code /etc/ssl/certs/java/cacerts} or is
 * the JDK's own file.
 */
final class JdkStacks {

    /** The key store Debian's {@code ca-certificates-java} regenerates from the OS store. */
    static final String OS_JAVA_STORE = "/etc/ssl/certs/java/cacerts";

    private static final Pattern PROPERTY = Pattern.compile("-Djavax\\.net\\.ssl\\.(trustStore|trustStorePassword)=(\\S+)");

    private JdkStacks() {
    }

    static List<TrustStack> find(Machine machine) {
        Map<String, String> homes = new LinkedHashMap<>();
        machine.env("JAVA_HOME").ifPresent(home -> addHome(machine, homes, home, "JAVA_HOME"));
        machine.which("java").flatMap(machine::realPath)
                .ifPresent(java -> addHome(machine, homes, parent(parent(java)), "the java on PATH"));
        for (String name : machine.list("/usr/lib/jvm")) {
            addHome(machine, homes, "/usr/lib/jvm/" + name, "/usr/lib/jvm");
        }
        addHome(machine, homes, "/opt/java/openjdk", "/opt/java/openjdk");
        if (homes.isEmpty()) {
            return List.of(Doctor.absent("jdk", "Java (JSSE)", "no JDK or JRE: no JAVA_HOME, no java on PATH, none in "
                    + "/usr/lib/jvm or /opt/java/openjdk"));
        }
        List<TrustStack> stacks = new ArrayList<>();
        homes.forEach((home, foundBy) -> stacks.add(examine(machine, home, foundBy)));
        return stacks;
    }

    private static void addHome(Machine machine, Map<String, String> homes, String home, String foundBy) {
        machine.realPath(home).filter(real -> machine.isFile(real + "/bin/java"))
                .ifPresent(real -> homes.merge(real, foundBy, (a, b) -> a.contains(b) ? a : a + ", " + b));
    }

    private static TrustStack examine(Machine machine, String home, String foundBy) {
        String version = release(machine, home);
        Map<String, String> options = new LinkedHashMap<>();
        String optionsFrom = null;
        for (String variable : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS")) {
            Optional<String> value = machine.env(variable);
            if (value.isPresent()) {
                Matcher m = PROPERTY.matcher(value.get());
                while (m.find()) {
                    options.put(m.group(1), m.group(2));
                    if (m.group(1).equals("trustStore")) {
                        optionsFrom = variable;
                    }
                }
            }
        }
        String security = home + "/lib/security";
        String store;
        String rule;
        String fix = "JAVA_TOOL_OPTIONS=-Djavax.net.ssl.trustStore=FILE (a PKCS12 or JKS; every JVM started with it "
                + "reads FILE instead)";
        if (options.containsKey("trustStore")) {
            store = options.get("trustStore");
            rule = "javax.net.ssl.trustStore=" + store + " in " + optionsFrom + (optionsFrom.equals("JDK_JAVA_OPTIONS")
                    ? " (read by the java launcher, not by JVMs embedded or started otherwise)" : " (read by every JVM "
                    + "started here)");
        } else if (machine.isFile(security + "/jssecacerts")) {
            store = security + "/jssecacerts";
            rule = "no javax.net.ssl.trustStore in JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS; lib/security/jssecacerts "
                    + "exists, so JSSE reads it instead of cacerts";
        } else {
            store = security + "/cacerts";
            Optional<String> target = machine.realPath(store);
            boolean followsOs = target.filter(OS_JAVA_STORE::equals).isPresent();
            rule = "no javax.net.ssl.trustStore in JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS, no jssecacerts: JSSE reads "
                    + "lib/security/cacerts, " + (followsOs ? "which links to " + OS_JAVA_STORE + ", regenerated from "
                    + "the OS store by update-ca-certificates (ca-certificates-java): this JDK follows the OS store"
                    : machine.isLink(store) ? "which links to " + target.orElse("a missing file") + ", not the "
                    + "OS-generated " + OS_JAVA_STORE : "this JDK's own file (as in a JDK unpacked from an archive): "
                    + "changing the OS store changes nothing for it");
            fix = followsOs ? "add the anchor to the OS store (Debian: copy it to /usr/local/share/ca-certificates/ and "
                    + "run update-ca-certificates), or " + fix : "keytool -importcert -cacerts (this JDK only), or " + fix;
        }
        StoreAudit audit = StoreAudit.of(machine, store, options.get("trustStorePassword"));
        return new TrustStack("jdk:" + home, "Java " + version + " JSSE", true, version, store, "JDK " + home
                + " (found by " + foundBy + "): " + rule, fix, audit.report(), audit.problem());
    }

    /** {@code JAVA_VERSION} and {@code IMPLEMENTOR} of the {@code release} file, e.g. {@code 17.0.15 (Debian)}. */
    private static String release(Machine machine, String home) {
        String text;
        try {
            text = new String(machine.read(home + "/release"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
        String version = value(text, "JAVA_VERSION");
        String implementor = value(text, "IMPLEMENTOR");
        return implementor.isEmpty() ? version : version + " (" + implementor + ")";
    }

    private static String value(String release, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + "=\"?([^\"\\n]*)\"?$").matcher(release);
        return m.find() ? m.group(1) : "";
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
