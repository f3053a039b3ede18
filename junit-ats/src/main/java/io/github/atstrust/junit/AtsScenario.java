package io.github.atstrust.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Picks the scenario of an {@code AtsEndpoint} parameter.
 *
 * <pre>void rejectsUntrustedRoot(&#64;AtsScenario("untrusted-root") AtsEndpoint endpoint)</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(AtsTrustExtension.class)
public @interface AtsScenario {
    /** {@return A scenario id, e.g. {@code ats-root-ca-1}} */
    String value();
}
