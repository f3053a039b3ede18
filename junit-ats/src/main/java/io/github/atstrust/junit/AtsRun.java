package io.github.atstrust.junit;

import io.github.atstrust.testkit.audit.AuditReport;
import io.github.atstrust.testkit.audit.TrustStoreAudit;
import io.github.atstrust.testkit.audit.TrustStoreSource;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.server.AtsServers;
import io.github.atstrust.testkit.trust.TrustProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What one test run shares: the scenario servers (started once, on first use), the audited trust stores and
 * the report. Lives in the root {@link ExtensionContext.Store}, which closes it at the end of the run.
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
    /** Every scenario in one set of servers, started when a test first needs them all. */
    private AtsServers all;
    /** Scenarios a test asked for by id before anything needed them all: started one by one, as asked. */
    private final Map<String, AtsServers> single = new LinkedHashMap<>();
    private volatile boolean closed;

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

    /** Every scenario's servers, started on first use and shared by the rest of the run. */
    synchronized AtsServers servers() {
        if (all == null) {
            all = builder().start();
        }
        return all;
    }

    /**
     * One scenario's endpoint: from the servers of every scenario once they run, otherwise from servers of this
     * scenario alone (a class that needs one endpoint does not wait for thirty).
     */
    AtsEndpoint endpoint(String scenarioId) {
        return serving(scenarioId).endpoint(scenarioId);
    }

    AtsEndpoint smtp(String scenarioId) {
        return serving(scenarioId).smtp(scenarioId);
    }

    AtsEndpoint smtps(String scenarioId) {
        return serving(scenarioId).smtps(scenarioId);
    }

    private synchronized AtsServers serving(String scenarioId) {
        if (all != null) {
            return all;
        }
        ScenarioCatalogue.builtIn().byId(scenarioId);
        return single.computeIfAbsent(scenarioId, id -> builder().only(Set.of(id)).start());
    }

    private AtsServers.Builder builder() {
        if (closed) {
            throw new IllegalStateException("the ATS run is closed: its servers were stopped at the end of the test run");
        }
        AtsServers.Builder builder = AtsServers.builder();
        if (mail) {
            builder.mail();
        }
        return builder;
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

    AtsEnvironment environment(String truststore, String password) {
        AuditedStore store = store(truststore, password);
        return new AtsEnvironment(this, store.mirrored(), store.report());
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
            List<AtsServers> running = new ArrayList<>(single.values());
            if (all != null) {
                running.add(all);
            }
            RuntimeException failure = null;
            for (AtsServers servers : running) {
                try {
                    servers.close();
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            report.write();
        }
    }
}
