package io.github.atstrust.testkit.audit;

import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.RealAtsCertificate;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A set of public-key pins, as a client pins AWS endpoints, judged against the real ATS hierarchy: which real key
 * each pin is, and whether the set survives the changes AWS makes (an issuing-CA rotation, the end of 2022's
 * issuing CAs, EC leaves, the ACM chain of 2024, the end of the Class 2 cross and of G2). Its
 * {@linkplain #mirrored() mirror} pins the fake twins instead, so the same configuration runs against the kit.
 *
 * <pre>
 * PinSet mine = PinSet.parse(List.of("sha256/++MBgDH5WGvL9Bcn5Be30cRcL0f5O+NyoXuWtQdX1aI="));
 * mine.verdicts().forEach((change, verdict) -> System.out.println(change + ": " + verdict));
 * </pre>
 */
public final class PinSet {

    /** The changes a pin set is judged against, in the order {@link #verdicts()} gives them. */
    private static final List<String> CHANGES = List.of(
            "an issuing-CA rotation (e.g. M01 to M02, which ACM does without notice)",
            "the end of 2022's issuing CAs (" + RealAtsCertificate.ISSUING_CAS_OF_2022_END + ")",
            "the move from RSA to EC leaves (Amazon Root CA 3 and 4)",
            "the ACM chain change of August 2024 (no Class 2 cross)",
            "the end of the Class 2 cross (" + AuditReport.G2_CROSS_SIGNED_BY_CLASS_2_ENDS + ")",
            "the end of G2 and its crosses (" + AuditReport.AMAZON_ROOTS_CROSS_SIGNED_BY_G2_END + ")");
    private static final RealAtsRoot G2 = RealAtsRoot.STARFIELD_SERVICES_ROOT_G2;
    private static final RealAtsRoot CLASS_2 = RealAtsRoot.STARFIELD_CLASS_2;

    private final List<String> pins;

    private PinSet(List<String> pins) {
        this.pins = List.copyOf(pins);
    }

    /**
     * Reads pins as users write them: {@code sha256/BASE64} (OkHttp's {@code CertificatePinner}), bare Base64 (an
     * Android network security configuration's {@code <pin digest="SHA-256">}), or the SHA-256 of the
     * SubjectPublicKeyInfo in hex (64 digits, colons allowed).
     *
     * @param written one or more pins
     * @return the set, each pin as {@code sha256/BASE64}
     * @throws IllegalArgumentException naming the first pin that is none of these forms
     */
    public static PinSet parse(List<String> written) {
        if (written.isEmpty()) {
            throw new IllegalArgumentException("no pin given: write sha256/BASE64 (OkHttp, Android) or 64 hex digits");
        }
        List<String> pins = new ArrayList<>();
        for (String pin : written) {
            pins.add(normalise(pin));
        }
        return new PinSet(pins);
    }

    /**
     * The set that survives every change: the keys of Amazon Root CA 1-4, and Starfield Services G2's when the
     * client trusts G2 rather than the Amazon roots (its pinning then sees the chain up to G2).
     *
     * @param withG2 whether to add G2's key
     * @return the recommended pins
     */
    public static PinSet recommended(boolean withG2) {
        List<String> pins = new ArrayList<>();
        RealAtsRoot.amazonRoots().forEach(root -> pins.add(RealAtsCertificate.pin(root.certificate())));
        if (withG2) {
            pins.add(RealAtsCertificate.pin(G2.certificate()));
        }
        return new PinSet(pins);
    }

    /** {@return the pins, each as {@code sha256/BASE64}} */
    public List<String> pins() {
        return pins;
    }

    /**
     * Which real ATS key each pin is.
     *
     * @return per pin, in order: e.g. {@code Amazon Root CA 1 (root; also its crosses by G2)}, or
     *         {@code no ATS key known to the kit}
     */
    public List<String> keys() {
        return pins.stream().map(pin -> realKeyName(pin).orElse("no ATS key known to the kit")).toList();
    }

    /**
     * Whether the set survives each change AWS has made or will make, in words.
     *
     * @return change → {@code survives} or {@code BREAKS: …} with the reason, in a fixed order
     */
    public Map<String, String> verdicts() {
        Set<RealAtsRoot> roots = pinnedRoots();
        boolean g2 = roots.contains(G2);
        boolean class2 = roots.contains(CLASS_2);
        List<RealAtsRoot> covered = RealAtsRoot.amazonRoots().stream()
                .filter(root -> roots.contains(root) || g2 || class2 || !issuingCasUnder(root).isEmpty()).toList();
        Map<String, String> verdicts = new LinkedHashMap<>();
        if (covered.isEmpty()) {
            CHANGES.forEach(change -> verdicts.put(change, "BREAKS: it pins no key of any chain AWS serves today: "
                    + "every connection already fails"));
            return verdicts;
        }
        List<String> onIssuing = covered.stream().filter(root -> !roots.contains(root) && !g2 && !class2)
                .map(RealAtsRoot::displayName).toList();
        String issuingOnly = "BREAKS: for " + String.join(", ", onIssuing) + " it pins only issuing CAs ("
                + String.join(", ", pinnedIssuingCaNames()) + ")";
        verdicts.put(CHANGES.get(0), onIssuing.isEmpty() ? "survives" : issuingOnly);
        verdicts.put(CHANGES.get(1), onIssuing.isEmpty() ? "survives" : issuingOnly + ", which end "
                + RealAtsCertificate.ISSUING_CAS_OF_2022_END + ": it breaks on that day at the latest");
        List<String> ecMissing = List.of(RealAtsRoot.AMAZON_ROOT_CA_3, RealAtsRoot.AMAZON_ROOT_CA_4).stream()
                .filter(root -> !roots.contains(root) && !g2 && !class2).map(RealAtsRoot::displayName).toList();
        verdicts.put(CHANGES.get(2), ecMissing.isEmpty() ? "survives" : "BREAKS: no pin above the EC issuing CAs of "
                + String.join(" and ", ecMissing));
        boolean onlyClass2 = roots.equals(Set.of(CLASS_2));
        String class2Only = "BREAKS: it pins only Starfield Class 2, which the ACM chains since August 2024 no longer reach";
        verdicts.put(CHANGES.get(3), onlyClass2 ? class2Only : "survives");
        verdicts.put(CHANGES.get(4), onlyClass2 ? class2Only + " (and no chain reaches after "
                + AuditReport.G2_CROSS_SIGNED_BY_CLASS_2_ENDS + ")" : "survives");
        List<String> withoutRoot = covered.stream().filter(root -> !roots.contains(root))
                .map(RealAtsRoot::displayName).toList();
        verdicts.put(CHANGES.get(5), withoutRoot.isEmpty() ? "survives" : "BREAKS: after "
                + AuditReport.AMAZON_ROOTS_CROSS_SIGNED_BY_G2_END + " only the Amazon root is on the path, and it does "
                + "not pin " + String.join(", ", withoutRoot));
        return verdicts;
    }

    /** {@return whether it survives every change of {@link #verdicts()}} */
    public boolean survivesEveryChange() {
        return verdicts().values().stream().allMatch("survives"::equals);
    }

    /**
     * The same pins with each real ATS key replaced by its fake twin's, so that a production pinning configuration
     * runs unchanged against the kit's scenarios; a pin with no twin (an unknown key, an issuing CA the kit does not
     * stand for) is kept as it is and matches nothing the kit serves.
     *
     * @return the mirrored set
     */
    public PinSet mirrored() {
        Map<String, String> twins = new LinkedHashMap<>();
        for (RealAtsRoot root : RealAtsRoot.values()) {
            twins.put(RealAtsCertificate.pin(root.certificate()), RealAtsCertificate.pin(root.fakeTwin().certificate()));
        }
        for (RealAtsCertificate real : RealAtsCertificate.values()) {
            real.fakeTwin().filter(fake -> real.isIssuingCa()).ifPresent(fake -> twins.putIfAbsent(
                    RealAtsCertificate.pin(real.certificate()), RealAtsCertificate.pin(fake.certificate())));
        }
        return new PinSet(pins.stream().map(pin -> twins.getOrDefault(pin, pin)).toList());
    }

    /** The pins, comma-separated. */
    @Override
    public String toString() {
        return String.join(",", pins);
    }

    /** {@return whether {@code other} holds the same pins in the same order} */
    @Override
    public boolean equals(Object other) {
        return other instanceof PinSet that && pins.equals(that.pins);
    }

    /** {@return a hash of the pins} */
    @Override
    public int hashCode() {
        return pins.hashCode();
    }

    private Set<RealAtsRoot> pinnedRoots() {
        return java.util.Arrays.stream(RealAtsRoot.values())
                .filter(root -> pins.contains(RealAtsCertificate.pin(root.certificate()))).collect(Collectors.toSet());
    }

    private List<RealAtsCertificate> issuingCasUnder(RealAtsRoot root) {
        return RealAtsCertificate.issuingCas().stream().filter(ca -> ca.issuer() == root)
                .filter(ca -> !ca.notAfter().isBefore(java.time.LocalDate.now(java.time.ZoneOffset.UTC)))
                .filter(ca -> pins.contains(RealAtsCertificate.pin(ca.certificate()))).toList();
    }

    private List<String> pinnedIssuingCaNames() {
        return RealAtsCertificate.issuingCas().stream().filter(ca -> pins.contains(RealAtsCertificate.pin(ca.certificate())))
                .map(RealAtsCertificate::displayName).distinct().toList();
    }

    private static Optional<String> realKeyName(String pin) {
        for (RealAtsRoot root : RealAtsRoot.values()) {
            if (RealAtsCertificate.pin(root.certificate()).equals(pin)) {
                return Optional.of(root.displayName() + switch (root) {
                    case STARFIELD_CLASS_2 -> " (the legacy root, on the pre-2024 chains only)";
                    case STARFIELD_SERVICES_ROOT_G2 -> " (root; also its cross by Class 2; a pinning client matches it "
                            + "only when its trust store ends the chain at G2, not at an Amazon root)";
                    default -> " (root; also its cross by G2)";
                });
            }
        }
        for (RealAtsCertificate real : RealAtsCertificate.issuingCas()) {
            if (RealAtsCertificate.pin(real.certificate()).equals(pin)) {
                return Optional.of(real.displayName() + " (issuing CA under " + real.issuer().displayName() + ", ends "
                        + real.notAfter() + ")");
            }
        }
        for (FakeCa fake : FakeCa.values()) {
            if (RealAtsCertificate.pin(fake.certificate()).equals(pin)) {
                return Optional.of("the kit's fake " + fake.id() + " (test material, never in production)");
            }
        }
        return Optional.empty();
    }

    private static String normalise(String written) {
        String pin = written.strip();
        String body = pin.regionMatches(true, 0, "sha256/", 0, 7) ? pin.substring(7) : pin;
        String hex = body.replace(":", "");
        if (hex.length() == 64 && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return "sha256/" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT)));
        }
        try {
            if (Base64.getDecoder().decode(body).length == 32 && body.length() == 44) {
                return "sha256/" + body;
            }
        } catch (IllegalArgumentException e) {
            // not Base64: reported below
        }
        throw new IllegalArgumentException("pin '" + written + "' is not a SHA-256 public-key pin: write sha256/BASE64 "
                + "(OkHttp's CertificatePinner, Android's network security config) or 64 hex digits (SHA-256 of the "
                + "SubjectPublicKeyInfo)");
    }
}
