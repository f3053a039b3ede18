package io.github.atstrust.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Picks the {@code TrustProfile} of a parameter: a built-in id, or {@code mirrored} for the mirror of the
 * audited trust store.
 *
 * <pre>void classTwoOnly(&#64;AtsProfile("starfield-class-2") TrustProfile profile)</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(AtsTrustExtension.class)
public @interface AtsProfile {
    /** {@return A profile id, e.g. {@code all-ats}, or {@code mirrored}} */
    String value();
}
