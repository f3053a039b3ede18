package io.github.atstrust.junit;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Evaluates {@link RequiresCommand}: each command is run once per JVM and its result remembered. */
final class RequiresCommandCondition implements ExecutionCondition {

    private static final Map<String, Optional<String>> MISSING = new ConcurrentHashMap<>();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<RequiresCommand> required = context.getElement()
                .flatMap(element -> AnnotationSupport.findAnnotation(element, RequiresCommand.class));
        if (required.isEmpty()) {
            return ConditionEvaluationResult.enabled("no @RequiresCommand");
        }
        for (String command : required.get().value()) {
            Optional<String> missing = MISSING.computeIfAbsent(command, RequiresCommandCondition::check);
            if (missing.isPresent()) {
                return RequireAll.skipOrFail(context, missing.get());
            }
        }
        return ConditionEvaluationResult.enabled("available: " + String.join(", ", required.get().value()));
    }


    private static Optional<String> check(String commandLine) {
        String[] command = commandLine.strip().split("\\s+");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of("'" + commandLine + "' did not finish within 30 s");
            }
            return process.exitValue() == 0 ? Optional.empty()
                    : Optional.of("'" + commandLine + "' exited " + process.exitValue() + ": " + command[0]
                            + " is not usable here");
        } catch (IOException e) {
            return Optional.of(command[0] + " is not installed (install it, e.g. apt-get install " + command[0] + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while running '" + commandLine + "'");
        }
    }
}
