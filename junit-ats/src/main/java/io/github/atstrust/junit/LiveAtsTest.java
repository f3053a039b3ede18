package io.github.atstrust.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test once per real AWS test endpoint with a {@code LiveEndpoint} parameter, only when live tests
 * are switched on ({@code -Dats.live=true} or {@code ATS_LIVE=1}); otherwise, and when the network is
 * unreachable, each invocation is aborted (skipped) with the reason, never failed.
 *
 * <pre>
 * &#64;LiveAtsTest
 * void realEndpointsAreJudgedAsDocumented(LiveEndpoint endpoint) {
 *     assertThat(HandshakeOutcome.of(() -> http.send(HttpRequest.newBuilder(endpoint.uri()).build(), ofString())))
 *             .matches(endpoint.expected());
 * }
 * </pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(AtsLiveExtension.class)
public @interface LiveAtsTest {

    /** {@return live endpoint ids; empty: all with empty {@code requires} (and the others with {@link #includeRequiring()})} */
    String[] value() default {};

    /** {@return also run endpoints whose expectation needs client settings (the {@code revoked} ones)} */
    boolean includeRequiring() default false;
}
