package io.github.atstrust.junit;

import io.github.atstrust.testkit.audit.AuditReport;
import io.github.atstrust.testkit.audit.TrustStoreAudit;
import io.github.atstrust.testkit.audit.TrustStoreSource;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import io.github.atstrust.testkit.server.AtsServers;
import io.github.atstrust.testkit.trust.TrustProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What one test run shares: the servers of each scenario catalogue ({@link ServedScenarios}, started as tests
 * ask), the audited trust stores and the report. Lives in the root {@link ExtensionContext.Store}, which closes it at the end of the run.
 */
@SuppressWarnings("deprecation") // CloseableResource: JUnit 5.10-5.12 close only that; newer ones also AutoCloseable
final class AtsRun implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AtsRun.class);

    /** One audited store: its report and its mirror. */
    record AuditedStore(AuditReport report, TrustProfile mirrored) {
    }

    /**
     * Configuration parameter: {@code true} or {@code false} to start the mail servers or not (default: when
     * SubEthaSMTP and Jakarta Mail are on the test classpath, {@code AtsServers.mailAvailable()}).
     */
    static final String MAIL_KEY = "ats.mail";

    private final boolean mail;
    private final TrustReport report;
    private final Map<String, AuditedStore> stores = new ConcurrentHashMap<>();
    /** The served catalogues by the name of their source ({@code built-in} for the kit's own). */
    private final Map<String, ServedScenarios> served = new LinkedHashMap<>();
    private boolean closed;

    private AtsRun(boolean mail, TrustReport report) {
        this.mail = mail;
        this.report = report;
    }

    /** The run's shared state, created by whichever test asks first; it starts no server yet. */
    static AtsRun of(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(AtsRun.class, key -> {
            Path reportDirectory = Path.of(context.getConfigurationParameter(TrustReport.DIRECTORY_KEY)
                    .orElse(TrustReport.DEFAULT_DIRECTORY));
            boolean mail = context.getConfigurationParameter(MAIL_KEY).map("true"::equalsIgnoreCase)
                    .orElseGet(AtsServers::mailAvailable);
            return new AtsRun(mail, new TrustReport(reportDirectory));
        }, AtsRun.class);
    }

    /**
     * The scenarios of {@code source} (or, for {@code ScenarioSource.class}, of the configuration parameter
     * {@value ScenarioSource#DEFAULT_KEY}, else the built-in ones), with the servers that serve them in this run.
     *
     * @throws ExtensionConfigurationException when the source cannot be made or gives no catalogue
     */
    synchronized ServedScenarios scenarios(ExtensionContext context, Class<? extends ScenarioSource> source) {
        if (closed) {
            throw new IllegalStateException("the ATS run is closed: its servers were stopped at the end of the test run");
        }
        String name = source != ScenarioSource.class ? source.getName()
                : context.getConfigurationParameter(ScenarioSource.DEFAULT_KEY).map(String::strip).orElse("");
        if (name.isEmpty()) {
            return served.computeIfAbsent("built-in", key -> new ServedScenarios(ScenarioCatalogue.builtIn(), mail));
        }
        ServedScenarios known = served.get(name);
        if (known == null) {
            known = new ServedScenarios(catalogueOf(name, source == ScenarioSource.class), mail);
            served.put(name, known);
        }
        return known;
    }

    private static ScenarioCatalogue catalogueOf(String className, boolean fromParameter) {
        String where = fromParameter ? ScenarioSource.DEFAULT_KEY + "=" + className : "scenarios = " + className + ".class";
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> type = Class.forName(className, true, loader != null ? loader : AtsRun.class.getClassLoader());
            if (!ScenarioSource.class.isAssignableFrom(type)) {
                throw new ExtensionConfigurationException(where + ": " + className + " does not implement "
                        + ScenarioSource.class.getName());
            }
            ScenarioCatalogue catalogue = ((ScenarioSource) type.getDeclaredConstructor().newInstance()).scenarios();
            if (catalogue == null) {
                throw new ExtensionConfigurationException(where + ": scenarios() returned null; return a catalogue, "
                        + "e.g. ScenarioCatalogue.builtIn().with(…)");
            }
            return catalogue;
        } catch (ClassNotFoundException e) {
            throw new ExtensionConfigurationException(where + ": no such class on the test class path", e);
        } catch (ReflectiveOperationException e) {
            throw new ExtensionConfigurationException(where + ": cannot be made (" + e
                    + "); give it a public no-argument constructor", e);
        }
    }

    TrustReport report() {
        return report;
    }

    /**
     * The audit and mirror of a trust store as {@code TrustStoreSource.parse} reads it, computed once per run.
     *
     * @throws ExtensionConfigurationException for a spec of no known form
     * @throws IllegalArgumentException        naming the file when the store cannot be read
     */
    AuditedStore store(String truststore, String password) {
        return stores.computeIfAbsent(truststore + "\u0000" + password, key -> audit(truststore, password));
    }

    AtsEnvironment environment(ExtensionContext context, String truststore, String password,
                               Class<? extends ScenarioSource> source) {
        AuditedStore store = store(truststore, password);
        return new AtsEnvironment(scenarios(context, source), store.mirrored(), store.report());
    }

    private static AuditedStore audit(String truststore, String password) {
        TrustStoreSource source;
        try {
            source = TrustStoreSource.parse(truststore, password.toCharArray());
        } catch (IllegalArgumentException malformed) {
            throw new ExtensionConfigurationException("@RequiresAtsTrust(truststore = \"" + truststore + "\"): "
                    + malformed.getMessage() + " (jvm, a path, classpath:RESOURCE or docker:IMAGE)", malformed);
        }
        return new AuditedStore(TrustStoreAudit.audit(source), TrustProfile.mirrorOf(source.toKeyStore()));
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            ServedScenarios.closeAll(served.values().stream().map(scenarios -> (Runnable) scenarios::close).toList());
        } finally {
            report.write();
        }
    }
}
