package io.github.atstrust.testkit.trust;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The built-in trust profiles, one per fake ATS anchor plus {@value #ALL_ATS} and {@value #NO_ATS}: the stores
 * clients break on, by id.
 *
 * <pre>HttpClient client = HttpClient.newBuilder().sslContext(TrustProfiles.byId(TrustProfiles.STARFIELD_CLASS_2).sslContext()).build();</pre>
 */
public final class TrustProfiles {

    /** Id of the built-in profile trusting only the fake Amazon Root CA 1 (RSA 2048). */
    public static final String AMAZON_ROOT_CA_1 = "amazon-root-ca-1";
    /** Id of the built-in profile trusting only the fake Amazon Root CA 2 (RSA 4096). */
    public static final String AMAZON_ROOT_CA_2 = "amazon-root-ca-2";
    /** Id of the built-in profile trusting only the fake Amazon Root CA 3 (EC P-256). */
    public static final String AMAZON_ROOT_CA_3 = "amazon-root-ca-3";
    /** Id of the built-in profile trusting only the fake Amazon Root CA 4 (EC P-384). */
    public static final String AMAZON_ROOT_CA_4 = "amazon-root-ca-4";
    /** Id of the built-in profile trusting only the fake Starfield Services Root CA G2. */
    public static final String STARFIELD_SERVICES_ROOT_G2 = "starfield-services-root-g2";
    /** Id of the built-in profile trusting only the fake Starfield Class 2 CA (the legacy SHA-1 root). */
    public static final String STARFIELD_CLASS_2 = "starfield-class-2";
    /** Id of the built-in profile trusting all six fake ATS anchors. */
    public static final String ALL_ATS = "all-ats";
    /** Id of the built-in profile trusting no ATS anchor, only an unrelated public root. */
    public static final String NO_ATS = "no-ats";

    private TrustProfiles() {
    }

    /**
     * Every built-in profile: one per fake ATS anchor (in the order of {@code RealAtsRoot}), then
     * {@value #ALL_ATS} and {@value #NO_ATS}.
     *
     * @return the eight built-in profiles
     */
    public static List<TrustProfile> builtIn() {
        return BuiltIn.PROFILES;
    }

    /**
     * The built-in profile with this id.
     *
     * @param id a built-in id, e.g. {@value #STARFIELD_CLASS_2}
     * @return the profile
     * @throws IllegalArgumentException listing the valid ids when there is none
     */
    public static TrustProfile byId(String id) {
        return builtIn().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown trust profile '" + id + "'; valid ids: " + ids()));
    }

    /**
     * The built-in ids, for messages.
     *
     * @return the ids, comma-separated
     */
    public static String ids() {
        return builtIn().stream().map(TrustProfile::id).collect(Collectors.joining(", "));
    }

    /** Created on first use, once, by the class loader's own locking. */
    private static final class BuiltIn {
        static final List<TrustProfile> PROFILES = TrustManagers.builtInProfiles();
    }

}
