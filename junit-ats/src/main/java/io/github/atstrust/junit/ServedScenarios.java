package io.github.atstrust.junit;

import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.server.AtsServers;
import io.github.atstrust.testkit.server.AtsServersBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The servers of one scenario catalogue in a test run: every scenario at once when a test needs them all, otherwise
 * one scenario at a time as tests ask (a class that needs one endpoint does not wait for thirty), its mail servers
 * only when a test asks for a mail endpoint. Closed by {@link AtsRun} at the end of the run.
 */
final class ServedScenarios {

    private final ScenarioCatalogue catalogue;
    private final boolean mail;
    private AtsServers all;
    private final Map<String, AtsServers> single = new LinkedHashMap<>();
    private boolean closed;

    ServedScenarios(ScenarioCatalogue catalogue, boolean mail) {
        this.catalogue = catalogue;
        this.mail = mail;
    }

    ScenarioCatalogue catalogue() {
        return catalogue;
    }

    /** Every scenario's servers, started on first use and shared by the rest of the run. */
    synchronized AtsServers all() {
        if (all == null) {
            all = builder().start();
        }
        return all;
    }

    /** The servers of every scenario if they run, else {@code null}: asking starts nothing. */
    synchronized AtsServers allIfRunning() {
        return all;
    }

    AtsEndpoint endpoint(String scenarioId) {
        return serving(scenarioId, false).endpoint(scenarioId);
    }

    AtsEndpoint smtp(String scenarioId) {
        return serving(scenarioId, true).smtp(scenarioId);
    }

    AtsEndpoint smtps(String scenarioId) {
        return serving(scenarioId, true).smtps(scenarioId);
    }

    /**
     * The servers of one scenario: those with its mail servers when a test asked for a mail endpoint of it, else
     * its HTTPS server alone (a fresh JVM's first class does not load and start SubEthaSMTP for nothing).
     */
    private synchronized AtsServers serving(String scenarioId, boolean forMail) {
        if (all != null) {
            return all;
        }
        catalogue.byId(scenarioId);
        AtsServers withMail = single.get(scenarioId + MAIL);
        if (withMail != null || forMail) {
            return withMail != null ? withMail
                    : single.computeIfAbsent(scenarioId + MAIL, id -> builder(mail).only(Set.of(scenarioId)).start());
        }
        return single.computeIfAbsent(scenarioId, id -> builder(false).only(Set.of(id)).start());
    }

    /** The key suffix of a scenario's servers started with its mail servers. */
    private static final String MAIL = " with mail";

    private AtsServersBuilder builder() {
        return builder(mail);
    }

    private AtsServersBuilder builder(boolean withMail) {
        if (closed) {
            throw new IllegalStateException("the ATS run is closed: its servers were stopped at the end of the test run");
        }
        AtsServersBuilder builder = AtsServers.builder().catalogue(catalogue);
        if (withMail) {
            builder.mail();
        }
        return builder;
    }

    /** Stops every server this catalogue started; the first failure is thrown with the others suppressed. */
    synchronized void close() {
        closed = true;
        List<Runnable> running = new ArrayList<>();
        single.values().forEach(servers -> running.add(servers::close));
        if (all != null) {
            running.add(all::close);
        }
        closeAll(running);
    }

    /** Runs every closer, even after one fails; the first failure is thrown with the others suppressed. */
    static void closeAll(List<Runnable> closers) {
        RuntimeException failure = null;
        for (Runnable closer : closers) {
            try {
                closer.run();
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
    }
}
