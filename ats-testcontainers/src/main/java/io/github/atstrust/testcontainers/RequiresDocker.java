package io.github.atstrust.testcontainers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class or method only where Docker answers and the given images exist locally (no registry is
 * asked): otherwise it is skipped with the reason, or fails under {@code ATS_REQUIRE_ALL=1}.
 *
 * <pre>
 * &#64;RequiresDocker(images = AtsClientContainer.DEFAULT_IMAGE)
 * class MyContainerTrustTest { … }
 * </pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RequiresDockerCondition.class)
public @interface RequiresDocker {

    /** {@return images that must exist locally, e.g. {@value AtsClientContainer#DEFAULT_IMAGE}; none by default} */
    String[] images() default {};
}
