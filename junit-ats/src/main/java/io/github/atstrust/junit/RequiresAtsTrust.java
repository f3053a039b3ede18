package io.github.atstrust.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Audits a trust store against the real Amazon Trust Services roots (failing the class or method with the
 * explanation and the fix when it does not trust ATS), starts the fake ATS scenario servers once per test
 * run, and resolves {@link AtsEnvironment}, {@code @AtsScenario AtsEndpoint} and {@code @AtsProfile TrustProfile}
 * parameters.
 *
 * <pre>
 * &#64;RequiresAtsTrust                       // the JVM's default trust store
 * class PaymentsClientTrustTest { … }
 * &#64;RequiresAtsTrust(truststore = "classpath:truststore.p12", password = "secret")
 * &#64;RequiresAtsTrust(require = "amazon-root-ca-1")   // my services' chains end at Amazon Root CA 1
 * </pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AtsTrustExtension.class)
public @interface RequiresAtsTrust {

    /**
     * {@return the store, as {@code ats audit} reads it: {@code jvm} (default), a path to a PKCS12, JKS or PEM file or
     * a directory of certificates (e.g. {@code /etc/ssl/certs}), {@code classpath:<resource>}, or {@code docker:IMAGE}}
     */
    String truststore() default "jvm";

    /** {@return password of a PKCS12 or JKS store; empty means {@code changeit}. Not allowed with {@code jvm}} */
    String password() default "";

    /**
     * What the store must trust, as {@code ats audit --require} reads it: {@code ready} (the default: every Amazon
     * root's chains, ACM chains since August 2024 included), {@code any-guide-anchor} (the AWS guides' rule: Amazon
     * Root CA 1, Starfield Services G2 or Starfield Class 2), or the Amazon root ids your services chain to, e.g.
     * {@code "amazon-root-ca-1,amazon-root-ca-3"}. The failure names the real chains the store fails either way.
     *
     * @return the requirement
     */
    String require() default "ready";

    /**
     * {@return where the scenarios come from: a {@link ScenarioSource} with a public no-argument constructor, e.g. the
     * built-in ones plus chains for your real host names; {@code ScenarioSource.class} (the default) means the
     * configuration parameter {@value ScenarioSource#DEFAULT_KEY}, else the built-in scenarios}
     */
    Class<? extends ScenarioSource> scenarios() default ScenarioSource.class;
}
