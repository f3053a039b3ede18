package io.github.atstrust.testkit.trust;

import io.github.atstrust.testkit.pki.FakeAtsHierarchy;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The built-in trust profiles: one per fake ATS anchor, {@code all-ats} and {@code no-ats}.
 *
 * <pre>TrustProfile classTwoOnly = TrustProfiles.byId(TrustProfiles.STARFIELD_CLASS_2);</pre>
 */
public final class TrustProfiles {

    public static final String AMAZON_ROOT_CA_1 = "amazon-root-ca-1";
    public static final String AMAZON_ROOT_CA_2 = "amazon-root-ca-2";
    public static final String AMAZON_ROOT_CA_3 = "amazon-root-ca-3";
    public static final String AMAZON_ROOT_CA_4 = "amazon-root-ca-4";
    public static final String STARFIELD_SERVICES_ROOT_G2 = "starfield-services-root-g2";
    public static final String STARFIELD_CLASS_2 = "starfield-class-2";
    public static final String ALL_ATS = "all-ats";
    public static final String NO_ATS = "no-ats";

    private TrustProfiles() {
    }

    /** Every built-in profile, in the order of DESIGN.md. */
    public static List<TrustProfile> builtIn() {
        return BuiltIn.PROFILES;
    }

    /** Created on first use, once, by the class loader's own locking. */
    private static final class BuiltIn {
        static final List<TrustProfile> PROFILES = create();
    }

    /**
     * The built-in profile with this id.
     *
     * @throws IllegalArgumentException listing the valid ids when there is none
     */
    public static TrustProfile byId(String id) {
        return builtIn().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown trust profile '" + id + "'; valid ids: " + ids()));
    }

    /** The built-in ids, comma-separated. */
    public static String ids() {
        return builtIn().stream().map(TrustProfile::id).collect(Collectors.joining(", "));
    }

    private static List<TrustProfile> create() {
        FakeAtsHierarchy fake = FakeAtsHierarchy.load();
        List<TrustProfile> profiles = new ArrayList<>();
        for (RealAtsRoot real : RealAtsRoot.values()) {
            profiles.add(TrustProfile.of(real.id(), "trusts only the fake " + real.displayName(),
                    List.of(fake.certificate(real.fakeTwin()))));
        }
        profiles.add(TrustProfile.of(ALL_ATS, "trusts all six fake ATS anchors",
                Arrays.stream(RealAtsRoot.values()).map(real -> fake.certificate(real.fakeTwin())).toList()));
        profiles.add(TrustProfile.of(NO_ATS, "trusts no ATS anchor, only an unrelated public root",
                List.of(fake.certificate(FakeCa.OTHER_PUBLIC_ROOT))));
        return List.copyOf(profiles);
    }
}
