package io.github.atstrust.junit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one rule for "nothing may be skipped": the configuration parameter {@value #KEY} when it is set, otherwise the
 * environment variable {@code ATS_REQUIRE_ALL=1}, as CI sets it. A test whose prerequisite is missing then fails
 * with the reason instead of being skipped with it.
 */
final class RequireAll {

    /** The configuration parameter; {@code true} or {@code false} decides over the environment. */
    static final String KEY = "ats.requireAll";

    private RequireAll() {
    }

    static boolean inForce(ExtensionContext context) {
        return context.getConfigurationParameter(KEY).map("true"::equalsIgnoreCase)
                .orElseGet(() -> "1".equals(System.getenv(RequiresCommand.REQUIRE_ALL)));
    }

    /** Skipped with the reason, or failed when nothing may be skipped. */
    static ConditionEvaluationResult skipOrFail(ExtensionContext context, String reason) {
        if (inForce(context)) {
            throw new ExtensionConfigurationException(reason + "; " + RequiresCommand.REQUIRE_ALL
                    + "=1 (or " + KEY + "=true) forbids skipping");
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
