package io.github.atstrust.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test once per scenario (× profile) with an {@link AtsCase} parameter: by default every scenario
 * with empty {@code requires}, against the mirror of the audited trust store (see {@link RequiresAtsTrust};
 * the JVM's store when absent). Display names read {@code ats-root-ca-3 with mirrored → accept}.
 *
 * <pre>
 * &#64;AtsTrustMatrix
 * void judgesEveryChainAsItWouldJudgeAws(AtsCase c) {
 *     var client = MyClient.create(c.profile().sslContext());
 *     assertThat(c.probe(() -> client.ping(c.endpoint().uri()))).matches(c.expectation());
 * }
 * </pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(AtsTrustExtension.class)
public @interface AtsTrustMatrix {

    /** {@return scenario ids to run; empty: all (those with {@code requires} only with {@link #includeRequiring()})} */
    String[] scenarios() default {};

    /** {@return profile ids to run each scenario against; empty: {@code mirrored}} */
    String[] profiles() default {};

    /** {@return also run scenarios whose verdict needs client settings ({@code revocation-checking}, {@code timeout}…)} */
    boolean includeRequiring() default false;
}
