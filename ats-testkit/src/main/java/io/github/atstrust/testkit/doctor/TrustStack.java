package io.github.atstrust.testkit.doctor;

import io.github.atstrust.testkit.audit.AuditReport;
import io.github.atstrust.testkit.audit.TrustStoreAudit;
import io.github.atstrust.testkit.audit.TrustStoreSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One TLS stack of a host or an image as the doctor found it: the trust store it reads by default, the rule that
 * says so, the audit of that store, and the fix for this stack (the file, variable or command that changes what
 * it trusts). A stack that is not installed is listed with {@code present == false}, never guessed.
 *
 * <pre>
 * for (TrustStack stack : TrustStack.examine("host")) {
 *     System.out.println(stack.name() + ": " + stack.store() + " → " + stack.audit().map(a -&gt; a.verdict()));
 * }
 * </pre>
 *
 * @param id      stable identifier, e.g. {@code jdk:/usr/lib/jvm/java-17-openjdk-amd64}, {@code node:/usr/bin/node},
 *                {@code requests}
 * @param name    what a person calls it, e.g. {@code Node.js https (built-in roots)}
 * @param present whether the stack is installed
 * @param version its version as it reports it, empty when unknown or absent
 * @param store   the store it reads by default: a path, or words for a store compiled into it; empty when absent
 * @param rule    why that store: the variables and settings it looked at and what they are here
 * @param fix     the one change that makes this stack trust another store (e.g. a mirror from
 *                {@code ats export --mirror}), with {@code FILE} for that store
 * @param audit   the audit of the store, when it could be read
 * @param problem what is wrong with the store or the stack's settings, in one line (a missing or unreadable file, a
 *                malformed bundle); empty when nothing is
 */
public record TrustStack(String id, String name, boolean present, String version, String store, String rule,
        String fix, Optional<AuditReport> audit, Optional<String> problem) {

    /**
     * Checks that every part is there.
     *
     * @param id      stable identifier
     * @param name    what a person calls it
     * @param present whether the stack is installed
     * @param version its version, empty when unknown
     * @param store   the store it reads
     * @param rule    why that store
     * @param fix     the change that makes it trust another store
     * @param audit   the audit of the store
     * @param problem what is wrong, in one line
     */
    public TrustStack {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(problem, "problem");
    }

    /**
     * Examines this host, whose programs start with the JVM's environment.
     *
     * @return every stack the doctor knows, present or not, in a fixed order
     */
    public static List<TrustStack> examineHost() {
        return examineHost(System.getenv());
    }

    /**
     * Examines this host as its programs would see it with another environment (e.g. one with
     * {@code NODE_EXTRA_CA_CERTS} set, to check a fix before making it). Nothing on the host is written.
     *
     * @param environment the variables the stacks' programs start with
     * @return every stack the doctor knows, present or not, in a fixed order
     */
    public static List<TrustStack> examineHost(Map<String, String> environment) {
        return Doctor.examine(new HostMachine(environment));
    }

    /**
     * Examines a local Docker image (never pulled) in a container with no network, removed afterwards. An image
     * without {@code /bin/sh} gives one stack, its OS bundle, whose problem says so.
     *
     * @param image e.g. {@code debian:bookworm}
     * @return every stack the doctor knows, present or not, in a fixed order
     * @throws IllegalArgumentException for a malformed or missing image, or no Docker
     */
    public static List<TrustStack> examineImage(String image) {
        Objects.requireNonNull(image, "image");
        try (ImageMachine machine = ImageMachine.start(image)) {
            return Doctor.examine(machine);
        } catch (ImageMachine.NoShellException e) {
            Optional<AuditReport> bundle;
            String problem = e.getMessage();
            try {
                bundle = Optional.of(TrustStoreAudit.audit(TrustStoreSource.dockerImage(image)));
            } catch (IllegalArgumentException unreadable) {
                bundle = Optional.empty();
                problem = problem.replace("; only its OS bundle was read", "; nor could its OS bundle be read: "
                        + unreadable.getMessage());
            }
            return List.of(new TrustStack("os-bundle", "the image's OS CA bundle", bundle.isPresent(), "",
                    String.join(" or ", TrustStoreSource.IMAGE_BUNDLES), "the file every OS-store client of a Linux "
                    + "image reads", "COPY FILE /usr/local/share/ca-certificates/ats.crt + RUN update-ca-certificates "
                    + "in the image's Dockerfile", bundle, Optional.of(problem)));
        }
    }

    /**
     * Examines what a source names, as {@code ats doctor SOURCE} does.
     *
     * @param source {@code host} (or empty) for this host, or {@code docker:IMAGE}
     * @return every stack the doctor knows, present or not, in a fixed order
     * @throws IllegalArgumentException for any other source, or one that cannot be examined
     */
    public static List<TrustStack> examine(String source) {
        Objects.requireNonNull(source, "source");
        if (source.isEmpty() || source.equals("host")) {
            return examineHost();
        }
        if (source.startsWith("docker:")) {
            return examineImage(source.substring("docker:".length()));
        }
        throw new IllegalArgumentException(source + ": the doctor examines host or docker:IMAGE; to audit a store "
                + "file, use ats audit " + source);
    }
}
