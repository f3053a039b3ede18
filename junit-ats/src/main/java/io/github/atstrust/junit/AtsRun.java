package io.github.atstrust.junit;

import io.github.atstrust.testkit.audit.AuditReport;
import io.github.atstrust.testkit.audit.TrustStoreAudit;
import io.github.atstrust.testkit.audit.TrustStoreSource;
import io.github.atstrust.testkit.server.AtsServers;
import io.github.atstrust.testkit.trust.TrustProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

    private final AtsServers servers;
    private final TrustReport report;
    private final Map<String, AuditedStore> stores = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private AtsRun(AtsServers servers, TrustReport report) {
        this.servers = servers;
        this.report = report;
    }

    /** The run's shared state, created by whichever test asks first. */
    static AtsRun of(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(AtsRun.class, key -> {
            Path reportDirectory = Path.of(context.getConfigurationParameter(TrustReport.DIRECTORY_KEY)
                    .orElse(TrustReport.DEFAULT_DIRECTORY));
            AtsServers.Builder servers = AtsServers.builder();
            if (context.getConfigurationParameter(MAIL_KEY).map("true"::equalsIgnoreCase).orElseGet(AtsServers::mailAvailable)) {
                servers.mail();
            }
            return new AtsRun(servers.start(), new TrustReport(reportDirectory));
        }, AtsRun.class);
    }

    AtsServers servers() {
        return servers;
    }

    TrustReport report() {
        return report;
    }

    /**
     * The audit and mirror of a {@code jvm} / {@code classpath:} / {@code file:} trust store, computed once per run.
     *
     * @throws ExtensionConfigurationException for a spec of no known form
     * @throws IllegalArgumentException        naming the file when the store cannot be read
     */
    AuditedStore store(String truststore, String password) {
        return stores.computeIfAbsent(truststore + "\u0000" + password, key -> audit(truststore, password));
    }

    AtsEnvironment environment(String truststore, String password) {
        AuditedStore store = store(truststore, password);
        return new AtsEnvironment(servers, store.mirrored(), store.report());
    }

    private static AuditedStore audit(String truststore, String password) {
        char[] secret = password.isEmpty() ? null : password.toCharArray();
        if (truststore.equals("jvm")) {
            return audit(TrustStoreSource.jvm());
        } else if (truststore.startsWith("file:")) {
            return audit(TrustStoreSource.of(Path.of(truststore.substring("file:".length())), secret));
        } else if (truststore.startsWith("classpath:")) {
            return fromClasspath(truststore.substring("classpath:".length()), secret);
        }
        throw new ExtensionConfigurationException("@RequiresAtsTrust(truststore = \"" + truststore
                + "\"): use \"jvm\", \"classpath:<resource>\" or \"file:<path>\"");
    }

    private static AuditedStore audit(TrustStoreSource source) {
        return new AuditedStore(TrustStoreAudit.audit(source), TrustProfile.mirrorOf(source.toKeyStore()));
    }

    /** Copies the resource to a temporary file of the same name, so its extension still tells its format. */
    private static AuditedStore fromClasspath(String resource, char[] password) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("classpath:" + resource + ": no such resource on the test classpath; "
                        + "check the name or put the store under src/test/resources");
            }
            Path dir = Files.createTempDirectory("ats-truststore-");
            Path file = dir.resolve(Path.of(name).getFileName().toString());
            try {
                Files.copy(in, file);
                AuditedStore audited = audit(TrustStoreSource.of(file, password));
                return new AuditedStore(audited.report().withSource(
                        audited.report().source().replace(file.toString(), "classpath:" + resource)), audited.mirrored());
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("classpath:" + resource + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            servers.close();
        } finally {
            report.write();
        }
    }
}
