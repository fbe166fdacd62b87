package io.upwell.engine.records.internal;

import io.upwell.api.records.DeliveryStatus;
import io.upwell.api.records.RecordQuery;
import io.upwell.api.records.RecordsException;
import io.upwell.api.records.RecordsService;
import io.upwell.api.records.SessionRecord;
import io.upwell.api.records.SessionSummary;
import io.upwell.api.records.SiteExposure;
import io.upwell.api.records.SiteTreatment;
import io.upwell.engine.records.internal.db.Database;
import io.upwell.engine.records.internal.db.DatabaseSettings;
import io.upwell.engine.records.internal.db.Migrations;
import io.upwell.engine.records.internal.db.RecordStore;
import io.upwell.engine.records.internal.delivery.Delivery;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.service.jdbc.DataSourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records bundle's work, free of OSGi: it opens and migrates the database, delivers every
 * engine's settled journals into it, and answers {@link RecordsService} queries.
 * <p>
 * Everything that changes state runs on one thread of its own, {@code upwell-records}: opening,
 * migrating, delivering, retrying. No engine thread ever waits for it, so a slow or unreachable
 * database never reaches a running session. Queries run on the caller's thread against the pool.
 * When the database cannot be reached, the settled journals wait where they are and delivery is
 * tried again, sooner at first and then every {@code retryMaxSeconds}.
 */
public final class RecordsKeeper implements RecordsService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecordsKeeper.class);

    /** How soon after a session ends delivery looks at its journal: the journal forces within a second. */
    static final long AFTER_END_MILLIS = 300;
    /** How long a session heard ending is looked for before it is left to the next start's pass. */
    static final long ENDED_PATIENCE_MILLIS = 120_000;

    private final String station;
    private final long retryMaxMillis;
    private final RecordStore.Interruption interruption;
    private final ScheduledExecutorService thread;

    // Read by callers of the service, written on the records thread.
    private volatile RecordStore store;
    private volatile int schemaVersion;
    private volatile boolean connected;
    private volatile String lastProblem;
    private volatile Instant lastProblemAt;
    private volatile List<String> pending = List.of();
    private volatile long deliveredCount;
    /** Set by {@link #close}: nothing opens the database again (drivers and engines leave after it). */
    private volatile boolean closed;

    // Records thread only.
    private volatile DatabaseSettings configured;
    private int poolSize = 4;
    private final Map<String, DataSourceFactory> drivers = new ConcurrentHashMap<>();
    private final Map<Path, Delivery> engines = new LinkedHashMap<>();
    /** The engines' data directories, for readers on other threads (the treatment history). */
    private volatile List<Path> dataDirectories = List.of();
    private final Map<String, Long> heardEnded = new LinkedHashMap<>();
    private volatile DatabaseSettings openSettings;
    private boolean migrated;
    private int failures;
    private ScheduledFuture<?> retry;
    private String problemLogged;

    /**
     * @param station         names this engine in every record it delivers
     * @param retryMaxSeconds the longest wait between attempts while the database cannot be reached
     * @param interruption    where a test cuts a delivery short; {@link RecordStore.Interruption#NONE}
     */
    public RecordsKeeper(String station, long retryMaxSeconds, RecordStore.Interruption interruption) {
        this.station = station;
        this.retryMaxMillis = TimeUnit.SECONDS.toMillis(retryMaxSeconds);
        this.interruption = interruption;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread worker = new Thread(runnable, "upwell-records");
            worker.setDaemon(true);
            return worker;
        });
    }

    // ---------------------------------------------------------------- what the component tells it

    /**
     * The configured database, or null for the embedded one in the first engine's data directory.
     * Returns the pass that applies it.
     */
    public Future<?> configure(DatabaseSettings database, int pool) {
        return submit(() -> {
            configured = database;
            poolSize = pool;
            reconcile();
        });
    }

    public Future<?> driverAdded(String driverClass, DataSourceFactory factory) {
        drivers.put(driverClass, factory);
        return submit(this::reconcile);
    }

    public Future<?> driverRemoved(String driverClass, DataSourceFactory factory) {
        drivers.remove(driverClass, factory);
        return submit(this::reconcile);
    }

    public Future<?> engineAdded(Path dataDirectory) {
        return submit(() -> {
            engines.computeIfAbsent(dataDirectory.toAbsolutePath(), dir -> new Delivery(dir, station));
            dataDirectories = List.copyOf(engines.keySet());
            reconcile();
        });
    }

    public Future<?> engineRemoved(Path dataDirectory) {
        return submit(() -> {
            engines.remove(dataDirectory.toAbsolutePath());
            dataDirectories = List.copyOf(engines.keySet());
            reconcile();
        });
    }

    /** A session ended: deliver it once its journal is settled. */
    public Future<?> sessionEnded(String sessionId) {
        try {
            return thread.schedule(() -> {
                if (!closed) {
                    heardEnded.putIfAbsent(sessionId, System.currentTimeMillis());
                    reconcile();
                }
            }, AFTER_END_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            return java.util.concurrent.CompletableFuture.completedFuture(null); // the next start's pass delivers it
        }
    }

    /** A pass now; for the {@code records} command's status and for tests. */
    public Future<?> deliverNow() {
        return submit(this::reconcile);
    }

    private Future<?> submit(Runnable work) {
        try {
            return thread.submit(() -> {
                try {
                    work.run();
                } catch (RuntimeException | LinkageError | AssertionError e) {
                    if (closed) {
                        // Closing interrupts what was under way (a connection being opened): not a failure.
                        LOG.debug("records: work ended by closing", e);
                    } else {
                        // Said in the status too: a failure the executor would swallow left the status stale.
                        lastProblem = "unexpected failure on the records thread: " + e;
                        lastProblemAt = Instant.now();
                        connected = false;
                        LOG.error("records: unexpected failure on the records thread", e);
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
    }

    // ---------------------------------------------------------------- the records thread

    /** Brings the open database in line with what it should be, then delivers. */
    private void reconcile() {
        if (closed) {
            return;
        }
        DatabaseSettings wanted = wanted();
        if (wanted == null) {
            closeDatabase();
            waiting("no engine is running yet, so the embedded database has no data directory");
            return;
        }
        if (!wanted.equals(openSettings)) {
            closeDatabase();
            DataSourceFactory driver = drivers.get(wanted.dialect().driverClass());
            if (driver == null) {
                waiting("the JDBC driver " + wanted.dialect().driverClass() + " is not installed (no DataSourceFactory"
                        + " service for it); records wait in the journal");
                return;
            }
            try {
                Database database = Database.open(driver, wanted);
                store = new RecordStore(database, interruption);
                openSettings = wanted;
                migrated = false;
                engines.values().forEach(Delivery::forgetDatabase);
                LOG.info("records database: {}", wanted);
            } catch (SQLException | RuntimeException e) {
                problem("open", "the records database " + wanted + " cannot be opened: " + describe(e));
                return;
            }
        }
        if (!migrated) {
            try {
                schemaVersion = new Migrations(station).apply(store.database());
                migrated = true;
            } catch (IllegalStateException e) {
                problem("schema", "the records database " + openSettings + " is not usable: " + e.getMessage());
                return;
            } catch (SQLException | RuntimeException e) {
                problem("reach", "the records database " + openSettings + " cannot be reached: " + describe(e));
                return;
            }
        }
        deliverAll();
    }

    /**
     * The configured database, else the embedded one of the first engine. While no engine is there (an
     * engine restarting for a new configuration) the open one stays open: records are not moved about.
     */
    private DatabaseSettings wanted() {
        if (configured != null) {
            return configured;
        }
        if (engines.isEmpty()) {
            return openSettings;
        }
        return DatabaseSettings.embedded(engines.keySet().iterator().next(), poolSize);
    }

    private void deliverAll() {
        List<String> stillWaiting = new ArrayList<>();
        try {
            for (Delivery delivery : engines.values()) {
                Delivery.Pass pass = delivery.deliver(store);
                deliveredCount += pass.delivered().size();
                pass.unreadable().forEach((id, why) -> LOG.debug("session {} not recordable: {}", id, why));
                stillWaiting.addAll(delivery.waiting());
            }
        } catch (SQLException | IOException | RuntimeException e) {
            String message = "delivering session records to " + openSettings + " failed: " + describe(e)
                    + "; they wait in the journal";
            lastProblem = message; // first: who sees the database gone sees why
            lastProblemAt = Instant.now();
            connected = false; // before the pending list: who sees a session waiting sees the database gone
            engines.values().forEach(d -> stillWaiting.addAll(d.waiting()));
            stillWaiting.addAll(heardEnded.keySet());
            pending = stillWaiting.stream().distinct().sorted().toList();
            problem("deliver", message);
            return;
        }
        connected = true;
        if (failures > 0) {
            LOG.info("records database {} reached again; delivery resumed", openSettings);
        }
        failures = 0;
        cancelRetry();
        lastProblem = null;
        lastProblemAt = null;
        problemLogged = null;
        long now = System.currentTimeMillis();
        heardEnded.entrySet().removeIf(e -> delivered(e.getKey()) || now - e.getValue() > ENDED_PATIENCE_MILLIS);
        pending = stillWaiting.stream().distinct().sorted().toList();
        if (!heardEnded.isEmpty()) { // a session ended whose journal is not settled yet: look again soon
            retryIn(1000);
        }
    }

    private boolean delivered(String sessionId) {
        return engines.values().stream().anyMatch(d -> d.delivered(sessionId));
    }

    /**
     * Something the records wait for that will come by itself (an engine, a driver's bundle): shown in
     * the status, logged at INFO, not retried until what it waits for arrives.
     */
    private void waiting(String message) {
        lastProblem = message; // before connected: who sees it false sees why
        lastProblemAt = Instant.now();
        connected = false;
        if (!message.equals(problemLogged)) {
            LOG.info("records: {}", message);
            problemLogged = message;
        }
    }

    /** A failure: logged once per kind (not at every retry), and tried again after a growing pause. */
    private void problem(String kind, String message) {
        if (closed) {
            // A framework stopping under a first connection interrupts it; nothing to report or retry.
            LOG.debug("records: {} (while closing)", message);
            return;
        }
        lastProblem = message; // before connected: who sees it false sees why
        lastProblemAt = Instant.now();
        connected = false;
        if (!kind.equals(problemLogged)) {
            LOG.warn("records: {}", message);
            problemLogged = kind;
        }
        failures++;
        long delay = Math.min(retryMaxMillis, 1000L << Math.min(failures - 1, 20));
        retryIn(delay);
    }

    private void retryIn(long millis) {
        cancelRetry();
        if (!closed) {
            retry = thread.schedule(this::reconcile, millis, TimeUnit.MILLISECONDS);
        }
    }

    private void cancelRetry() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }

    private void closeDatabase() {
        RecordStore open = store;
        store = null;
        openSettings = null;
        migrated = false;
        schemaVersion = 0;
        if (open != null) {
            open.database().close();
        }
    }

    /** The failure and, when a pool or driver wrapped it, its root cause: "connection refused" says more. */
    private static String describe(Throwable e) {
        String message = text(e);
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e || message.contains(text(root)) ? message : message + " (" + text(root) + ")";
    }

    private static String text(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }

    /**
     * Stops the keeper without waiting: the database is closed on the records thread once the work in
     * hand (a migration, a delivery) is done. The framework's stop is not held up by the records, so
     * the engine's own stop (which vents every channel) comes as soon as it would without them; a
     * delivery cut short by the process ending is rolled back and done again at the next start.
     */
    @Override
    public void close() {
        closed = true;
        // The pool's own threads may be opening a connection this moment: stop them now, before the
        // framework closes the bundles their classes come from (a short run, such as a command that
        // fails at once, otherwise printed H2's class-loading failure on the console). Waits only
        // for a connection being opened; work on the records thread ends in a rolled-back transaction.
        RecordStore open = store;
        if (open != null) {
            open.database().close();
        }
        try {
            thread.execute(() -> {
                cancelRetry();
                closeDatabase();
            });
        } catch (java.util.concurrent.RejectedExecutionException alreadyClosed) {
            return;
        }
        thread.shutdown();
    }

    /** Waits until {@link #close} has closed the database; for tests that remove its files. */
    boolean awaitClosed(long timeout, TimeUnit unit) throws InterruptedException {
        return thread.awaitTermination(timeout, unit);
    }

    // ---------------------------------------------------------------- RecordsService

    @Override
    public List<SessionSummary> find(RecordQuery query) throws RecordsException {
        RecordStore open = openStore();
        try {
            return open.find(query);
        } catch (SQLException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    @Override
    public Optional<SessionRecord> session(String sessionId) throws RecordsException {
        RecordStore open = openStore();
        try {
            return open.session(sessionId);
        } catch (SQLException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    @Override
    public List<SiteTreatment> siteHistory(String clientId, String siteKey, Instant since) throws RecordsException {
        RecordStore open = openStore();
        try {
            return open.siteHistory(clientId, siteKey, since);
        } catch (SQLException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    @Override
    public List<SiteExposure> exposure(String clientId, Instant from, Instant to) throws RecordsException {
        RecordStore open = openStore();
        try {
            return open.exposure(clientId, from, to);
        } catch (SQLException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    /**
     * The client's cups on devices not known to be simulated, in sessions that ended at or after
     * {@code since}, from the database every station shares (SR-15).
     *
     * @throws RecordsException naming the database (never its password) when it cannot be read
     */
    public List<RecordStore.TreatedCup> treatedCups(String clientId, Instant since) throws RecordsException {
        RecordStore open = openStore();
        try {
            return open.treatedCups(clientId, since);
        } catch (SQLException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    /** The data directories of the engines whose journals this keeper delivers. */
    public List<Path> dataDirectories() {
        return dataDirectories;
    }

    @Override
    public DeliveryStatus deliveryStatus() {
        DatabaseSettings shown = openSettings != null ? openSettings : configured;
        Instant problemAt = lastProblemAt;
        return new DeliveryStatus(shown == null ? "embedded H2 (waiting for an engine's data directory)"
                : shown.shownUrl(), connected, schemaVersion, pending, deliveredCount, lastProblem,
                problemAt == null ? null : problemAt.toString());
    }

    /** The open database, once migrated; otherwise the reason it is not there. */
    private RecordStore openStore() throws RecordsException {
        RecordStore open = store;
        if (open == null || schemaVersion == 0) {
            String why = lastProblem;
            throw new RecordsException("the records database is not open" + (why == null ? "" : ": " + why));
        }
        return open;
    }

    private RecordsException unreadable(Exception e) {
        DatabaseSettings shown = openSettings;
        return new RecordsException("the records database " + (shown == null ? "" : shown + " ") + "cannot be read: "
                + describe(e), e);
    }

    /** The ids of sessions heard ending and not yet delivered, read on the records thread; for tests. */
    Set<String> heardEndedForTests() throws Exception {
        return thread.submit(() -> (Set<String>) new TreeSet<>(heardEnded.keySet())).get();
    }
}
