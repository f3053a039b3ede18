package io.github.atstrust.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class or method only where the given commands run: where one does not, it is skipped with the
 * reason (e.g. {@code curl is not installed}); under the environment variable {@code ATS_REQUIRE_ALL=1}, as in
 * a CI that installs everything, it fails instead, so nothing skips silently.
 *
 * <pre>
 * &#64;RequiresCommand({"curl --version", "openssl version"})
 * class CurlTrustTest { … }
 * </pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RequiresCommandCondition.class)
public @interface RequiresCommand {

    /** The environment variable that turns a missing prerequisite into a failure when set to {@code 1}. */
    String REQUIRE_ALL = "ATS_REQUIRE_ALL";

    /** {@return command lines that must exit 0 within 30 s, words separated by spaces, e.g. {@code "curl --version"}} */
    String[] value();
}
