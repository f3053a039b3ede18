package io.github.atstrust.testcontainers;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testcontainers.DockerClientFactory;

/** Evaluates {@link RequiresDocker}. */
final class RequiresDockerCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<RequiresDocker> required = context.getElement()
                .flatMap(element -> AnnotationSupport.findAnnotation(element, RequiresDocker.class));
        if (required.isEmpty()) {
            return ConditionEvaluationResult.enabled("no @RequiresDocker");
        }
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return missing(context, "Docker is not available (start dockerd, as .ci/run does)");
            }
        } catch (RuntimeException unusable) {
            return missing(context, "Docker runs but Testcontainers cannot use it (" + String.valueOf(unusable.getMessage()).strip() + "); inside a "
                    + "container without a bridge network set TESTCONTAINERS_HOST_OVERRIDE=localhost and "
                    + "TESTCONTAINERS_RYUK_DISABLED=true, as .ci/run does");
        }
        for (String image : required.get().images()) {
            if (!exists(image)) {
                return missing(context, "image " + image + " is missing locally"
                        + (image.equals(AtsClientContainer.DEFAULT_IMAGE) ? ": run containers/build-client-image.sh" : ""));
            }
        }
        return ConditionEvaluationResult.enabled("Docker and " + String.join(", ", required.get().images()));
    }

    private static boolean exists(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (RuntimeException missing) {
            return false;
        }
    }

    /** junit-ats's rule, read here too (this module does not depend on junit-ats): the parameter, else the variable. */
    private static ConditionEvaluationResult missing(ExtensionContext context, String reason) {
        boolean requireAll = context.getConfigurationParameter("ats.requireAll").map("true"::equalsIgnoreCase)
                .orElseGet(() -> "1".equals(System.getenv("ATS_REQUIRE_ALL")));
        if (requireAll) {
            throw new ExtensionConfigurationException(reason + "; ATS_REQUIRE_ALL=1 (or ats.requireAll=true) forbids skipping");
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
