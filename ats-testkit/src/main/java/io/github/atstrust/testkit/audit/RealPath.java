package io.github.atstrust.testkit.audit;

import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One real ATS chain as a path builder meets it, and where the JDK's {@code CertPathBuilder} took it in a store: the
 * real certificates from the issuing CA up to the store's anchor, or why no path exists.
 *
 * <pre>report.paths().forEach(System.out::println);
 * // Amazon Root CA 1, pre-2024 chain: Amazon RSA 2048 M01 → … → Starfield Class 2 … — your anchor 'class2.pem'</pre>
 *
 * @param amazonRoot      the Amazon root the chain is anchored at
 * @param withClass2Cross {@code true} for the chain as served before August 2024 (with G2 cross-signed by Class 2),
 *                        {@code false} for the ACM chain since (it stops at the Amazon root cross-signed by G2)
 * @param certificates    the path built, by name, issuing CA first and the anchor last; empty when none was
 * @param anchorEntry     the store entry the path ends at, or {@code null}
 * @param problem         why no path exists, or {@code null} when one was built
 */
public record RealPath(RealAtsRoot amazonRoot, boolean withClass2Cross, List<String> certificates, String anchorEntry,
                       String problem) {

    /**
     * Checks that a path has an anchor and a missing path a reason.
     *
     * @param amazonRoot      the Amazon root of the chain
     * @param withClass2Cross whether the chain carries G2 cross-signed by Class 2
     * @param certificates    the path, by name
     * @param anchorEntry     the entry it ends at, or {@code null}
     * @param problem         why there is none, or {@code null}
     * @throws IllegalArgumentException unless exactly one of {@code anchorEntry} and {@code problem} is given
     */
    public RealPath {
        Objects.requireNonNull(amazonRoot, "amazonRoot");
        certificates = List.copyOf(certificates);
        if ((anchorEntry == null) == (problem == null)) {
            throw new IllegalArgumentException("a real path has an anchor or a problem, never both or neither");
        }
    }

    /** {@return whether a path to an anchor of the store was built} */
    public boolean built() {
        return anchorEntry != null;
    }

    /** {@return why no path exists, when none does} */
    public Optional<String> whyNone() {
        return Optional.ofNullable(problem);
    }

    /** {@return {@code pre-2024} or {@code acm-2024}: the chain's shape, as {@code audit --json} writes it} */
    public String shape() {
        return withClass2Cross ? "pre-2024" : "acm-2024";
    }

    /**
     * The path in one line.
     *
     * @return e.g. {@code Amazon Root CA 3, ACM chain: Amazon ECDSA 256 M01 → Amazon Root CA 3 — your anchor 'r3.pem'}
     */
    @Override
    public String toString() {
        String chain = amazonRoot.displayName() + (withClass2Cross ? ", pre-2024 chain: " : ", ACM chain: ");
        return chain + (built() ? String.join(" → ", certificates) + " — your anchor '" + anchorEntry + "'"
                : "no path: " + problem);
    }
}
