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
        Optional<String> ryuk = ryukProblem();
        if (ryuk.isPresent()) {
            return missing(context, ryuk.get());
        }
        for (String image : required.get().images()) {
            if (!exists(image)) {
                return missing(context, "image " + image + " is missing locally"
                        + (image.equals(AtsClientContainer.DEFAULT_IMAGE) ? ": run containers/build-client-image.sh" : ""));
            }
        }
        return ConditionEvaluationResult.enabled("Docker and " + String.join(", ", required.get().images()));
    }

    /** Asked once per JVM: every Docker test class would otherwise wait on it again. */
    private static Optional<String> ryuk;

    /**
     * Why Testcontainers' Ryuk container cannot start, if it cannot: Testcontainers starts it before any container
     * unless {@code TESTCONTAINERS_RYUK_DISABLED=true}, and pulls its image, when no tag of it is local, for minutes
     * (three tries of two minutes) where no registry answers. One pull, bounded to 30 s, tells the same in seconds;
     * a registry that answers (even "no such tag") is left to Testcontainers.
     */
    private static synchronized Optional<String> ryukProblem() {
        if (ryuk != null) {
            return ryuk;
        }
        ryuk = Optional.empty();
        if ("true".equalsIgnoreCase(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))
                || !DockerClientFactory.instance().client().listImagesCmd().withImageNameFilter(RYUK).exec().isEmpty()) {
            return ryuk;
        }
        String failure;
        try {
            failure = DockerClientFactory.instance().client().pullImageCmd(RYUK).withTag(RYUK_TAG).start()
                    .awaitCompletion(30, java.util.concurrent.TimeUnit.SECONDS) ? null : "no answer in 30 s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage()).strip();
            boolean unreachable = message.contains("dial tcp") || message.contains("no such host")
                    || message.contains("connection refused") || message.contains("timeout") || message.contains("i/o");
            failure = unreachable ? message : null;
        }
        if (failure != null) {
            ryuk = Optional.of("Testcontainers' Ryuk image (" + RYUK + ") is not local and no registry answers (" + failure
                    + "); set TESTCONTAINERS_RYUK_DISABLED=true, as .ci/run does (the kit's tests remove their own "
                    + "containers), or load the image");
        }
        return ryuk;
    }

    private static final String RYUK = "testcontainers/ryuk";
    /** The tag Testcontainers 2.0 starts; only used to ask whether a registry answers at all. */
    private static final String RYUK_TAG = "0.14.0";

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
