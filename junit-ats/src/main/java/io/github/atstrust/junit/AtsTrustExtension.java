package io.github.atstrust.junit;

import io.github.atstrust.testkit.audit.AtsRequirement;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.trust.TrustProfile;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * The extension behind {@link RequiresAtsTrust} and {@link AtsTrustMatrix}: audits the configured trust store,
 * shares the servers through the root store ({@link AtsRun}), resolves parameters and expands the matrix.
 * Keeps no state of its own, so one instance serves concurrent classes.
 */
final class AtsTrustExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver,
        TestTemplateInvocationContextProvider {

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<RequiresAtsTrust> onClass = classAnnotation(context);
        if (onClass.isPresent()) {
            requireTrust(context, onClass.get());
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Optional<RequiresAtsTrust> onMethod = context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, RequiresAtsTrust.class));
        if (onMethod.isPresent()) {
            requireTrust(context, onMethod.get());
        }
    }

    private static void requireTrust(ExtensionContext context, RequiresAtsTrust config) {
        validate(config);
        AtsRun.AuditedStore store;
        try {
            store = AtsRun.of(context).store(config.truststore(), config.password());
        } catch (IllegalArgumentException unreadable) {
            throw new ExtensionConfigurationException("@RequiresAtsTrust cannot read its trust store: "
                    + unreadable.getMessage(), unreadable);
        }
        AtsRequirement requirement = requirement(config);
        if (!store.report().meets(requirement)) {
            throw new AssertionFailedError("@RequiresAtsTrust: " + store.report().source() + " "
                    + store.report().explanation(requirement) + " Fix: add "
                    + String.join(", ", store.report().missingAmazonRoots().stream().map(r -> r.displayName()).toList())
                    + " (https://www.amazontrust.com/repository/) to this trust store, or run `./ats audit` on it"
                    + " for the commands.");
        }
    }

    private static AtsRequirement requirement(RequiresAtsTrust config) {
        try {
            return AtsRequirement.parse(config.require());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("@RequiresAtsTrust(require = \"" + config.require() + "\"): "
                    + e.getMessage(), e);
        }
    }

    private static void validate(RequiresAtsTrust config) {
        if (config.truststore().equals("jvm") && !config.password().isEmpty()) {
            throw new ExtensionConfigurationException("@RequiresAtsTrust(truststore = \"jvm\", password = …): the JVM's "
                    + "store is read with javax.net.ssl.trustStorePassword; remove password or name a file/classpath store");
        }
    }

    // ---- parameters ------------------------------------------------------------------------------

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        // Every parameter carrying our annotations is ours, whatever its type: a wrong type then gets a message
        // naming the right one instead of JUnit's "No ParameterResolver registered".
        return parameter.getParameter().getType() == AtsEnvironment.class || parameter.isAnnotated(AtsScenario.class)
                || parameter.isAnnotated(AtsProfile.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        requireType(parameter, AtsScenario.class, AtsEndpoint.class);
        requireType(parameter, AtsProfile.class, TrustProfile.class);
        AtsEnvironment environment = environment(context);
        try {
            if (type == AtsEnvironment.class) {
                return environment;
            }
            if (type == AtsEndpoint.class) {
                return environment.endpoint(parameter.findAnnotation(AtsScenario.class).orElseThrow().value());
            }
            return environment.profile(parameter.findAnnotation(AtsProfile.class).orElseThrow().value());
        } catch (IllegalArgumentException unknown) {
            throw new ParameterResolutionException("Cannot resolve parameter " + parameter.getIndex() + " ("
                    + type.getSimpleName() + ") of " + parameter.getDeclaringExecutable().getName() + ": "
                    + unknown.getMessage(), unknown);
        }
    }

    private static void requireType(ParameterContext parameter, Class<? extends java.lang.annotation.Annotation> annotation,
                                    Class<?> expected) {
        Class<?> type = parameter.getParameter().getType();
        if (parameter.isAnnotated(annotation) && type != expected) {
            throw new ParameterResolutionException("@" + annotation.getSimpleName() + " goes on a parameter of type "
                    + expected.getSimpleName() + ", but parameter " + parameter.getIndex() + " of "
                    + parameter.getDeclaringExecutable().getName() + "(…) is a " + type.getSimpleName() + "; declare it as "
                    + expected.getSimpleName() + " (AtsEnvironment gives every endpoint and profile)");
        }
    }

    private static AtsEnvironment environment(ExtensionContext context) {
        RequiresAtsTrust config = configuration(context);
        return AtsRun.of(context).environment(context, config == null ? "jvm" : config.truststore(),
                config == null ? "" : config.password(), config == null ? ScenarioSource.class : config.scenarios());
    }

    /** The nearest {@code @RequiresAtsTrust}: on the method, its class, or an enclosing class. */
    private static RequiresAtsTrust configuration(ExtensionContext context) {
        return context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, RequiresAtsTrust.class))
                .or(() -> classAnnotation(context)).orElse(null);
    }

    private static Optional<RequiresAtsTrust> classAnnotation(ExtensionContext context) {
        for (Optional<Class<?>> type = context.getTestClass(); type.isPresent(); type = Optional.ofNullable(type.get().getEnclosingClass())) {
            Optional<RequiresAtsTrust> found = AnnotationSupport.findAnnotation(type.get(), RequiresAtsTrust.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    // ---- the matrix --------------------------------------------------------------------------------

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, AtsTrustMatrix.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        AtsTrustMatrix matrix = AnnotationSupport.findAnnotation(method, AtsTrustMatrix.class).orElseThrow();
        AtsEnvironment environment = environment(context);
        List<Scenario> scenarios = scenarios(matrix, method, environment.scenarios());
        List<String> profileIds = profileIds(matrix, method);
        AtsRun run = AtsRun.of(context);
        if (scenarios.size() > 1) {
            environment.startAll(); // a matrix over several scenarios is served by one set of servers, started at once
        }
        String test = context.getRequiredTestClass().getSimpleName() + "." + method.getName();
        List<TestTemplateInvocationContext> cases = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            for (String profileId : profileIds) {
                AtsCase atsCase = new AtsCase(environment.endpoint(scenario.id()), environment.profile(profileId),
                        run.report(), test);
                cases.add(new CaseInvocation(atsCase));
            }
        }
        return cases.stream();
    }

    private static List<Scenario> scenarios(AtsTrustMatrix matrix, AnnotatedElement where, ScenarioCatalogue catalogue) {
        if (matrix.scenarios().length == 0) {
            return matrix.includeRequiring() ? catalogue.scenarios() : catalogue.unconditional();
        }
        List<Scenario> chosen = new ArrayList<>();
        for (String id : matrix.scenarios()) {
            Scenario scenario;
            try {
                scenario = catalogue.byId(id);
            } catch (IllegalArgumentException unknown) {
                throw new ExtensionConfigurationException("@AtsTrustMatrix on " + where + ": " + unknown.getMessage());
            }
            if (!scenario.requires().isEmpty() && !matrix.includeRequiring()) {
                throw new ExtensionConfigurationException("@AtsTrustMatrix on " + where + " lists scenario '" + id
                        + "', which requires " + scenario.requires() + ", but includeRequiring is false: set "
                        + "includeRequiring = true (and configure the client accordingly) or drop the scenario");
            }
            chosen.add(scenario);
        }
        return chosen;
    }

    private static List<String> profileIds(AtsTrustMatrix matrix, AnnotatedElement where) {
        if (matrix.profiles().length == 0) {
            return List.of(TrustProfile.MIRRORED);
        }
        for (String id : matrix.profiles()) {
            if (!id.equals(TrustProfile.MIRRORED) && TrustProfiles.builtIn().stream().noneMatch(p -> p.id().equals(id))) {
                throw new ExtensionConfigurationException("@AtsTrustMatrix on " + where + ": unknown trust profile '" + id
                        + "'; valid ids: " + TrustProfiles.ids() + ", " + TrustProfile.MIRRORED);
            }
        }
        return Arrays.asList(matrix.profiles());
    }

    /** One matrix cell: its display name and the {@link AtsCase} parameter. */
    private record CaseInvocation(AtsCase atsCase) implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return atsCase.toString();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new ValueResolver<>(AtsCase.class, atsCase));
        }
    }
}
