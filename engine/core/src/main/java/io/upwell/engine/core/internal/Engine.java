package io.upwell.engine.core.internal;

import io.upwell.api.device.DeviceDriver;
import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmStatus;
import io.upwell.api.session.AvailableTechnique;
import io.upwell.api.session.DeviceStatus;
import io.upwell.api.session.EngineListener;
import io.upwell.api.session.JournalHealth;
import io.upwell.api.session.LoopStatistics;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionPlan;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionService;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.technique.Technique;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.time.Clock;
import io.upwell.engine.core.internal.clock.FixedRateThread;
import io.upwell.engine.core.internal.device.DeviceSlot;
import io.upwell.engine.core.internal.history.JournalTreatmentHistory;
import io.upwell.engine.core.internal.journal.SessionJournal;
import io.upwell.engine.core.internal.loop.ControlLoop;
import io.upwell.engine.core.internal.loop.LatenessHistogram;
import io.upwell.engine.core.internal.loop.Watchdog;
import io.upwell.engine.core.internal.safety.AlarmBook;
import io.upwell.engine.core.internal.safety.SafetyLatch;
import io.upwell.engine.core.internal.session.ActiveSession;
import io.upwell.engine.core.internal.settings.EngineSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine, free of OSGi so that unit tests run it on the virtual clock: a thin
 * {@link SessionService} over the parts that do the work, and their lifecycle.
 * <ul>
 *   <li>{@link DeviceRegistry}: the devices, their states and what their drivers report;</li>
 *   <li>{@link TechniqueCatalogue}: the techniques and the modules that brought them;</li>
 *   <li>{@link SessionStarter}: planning and publishing a session, and what a session knows of the engine;</li>
 *   <li>{@link SafetyActions}: emergency stop, acknowledgement, and the faults the loop and watchdog report;</li>
 *   <li>{@link AlarmDesk}: every alarm, journaled and told;</li>
 *   <li>{@link PluginCaller}: the only way plugin code runs, on a bounded pool under a deadline;</li>
 *   <li>{@link EngineEvents}: the event thread for logging and listeners.</li>
 * </ul>
 */
public final class Engine implements SessionService {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    /** The origin of a technique written in Java rather than read from a program file. */
    public static final String ORIGIN_BUNDLE = "bundle";
    /** How often the housekeeping looks at the journal's health. */
    static final long JOURNAL_CHECK_MILLIS = 200;
    /** How long closing waits for a tick under way to finish. */
    static final long TICK_IN_FLIGHT_MILLIS = 1000;

    private final EngineSettings settings;
    private final Clock clock;
    private final SessionJournal journal;
    private final SafetyLatch latch;
    private final CurrentSession current = new CurrentSession();
    private final EngineEvents events = new EngineEvents();
    private final PluginCaller caller;
    private final AlarmDesk alarms;
    private final DeviceRegistry devices;
    private final TechniqueCatalogue techniques;
    /** The clinic's screening rules (SR-14); the built-in ones always apply besides. */
    private final ScreeningRules screeningRules = new ScreeningRules();
    private final TreatmentHistories histories;
    private final SafetyActions safety;
    private final SessionStarter sessions;
    private final ControlLoop loop;
    private final Watchdog watchdog;
    private final JournalWatch journalWatch;
    private final ScheduledExecutorService housekeeping =
            Executors.newSingleThreadScheduledExecutor(Threads.named("upwell-housekeeping"));

    private FixedRateThread controlThread;
    private Clock.Scheduled virtualTicks;
    private volatile boolean started;
    private boolean closed;

    /** An engine with a latch of its own: for tests and tools that run one engine and nothing else. */
    public Engine(EngineSettings settings, Clock clock, SessionJournal journal) {
        this(settings, clock, journal, new SafetyLatch());
    }

    /**
     * @param latch the machine's latch: shared by every engine that succeeds another on the same
     *              devices, so that replacing the engine never clears an emergency stop or a fault
     */
    public Engine(EngineSettings settings, Clock clock, SessionJournal journal, SafetyLatch latch) {
        this(settings, clock, journal, latch, new AlarmBook(Instant.now()));
    }

    /**
     * @param latch  the machine's latch: shared by every engine that succeeds another on the same
     *               devices, so that replacing the engine never clears an emergency stop or a fault
     * @param alarmBook the machine's alarms, handed on with the latch, so that those holding it can
     *               still be acknowledged by id
     */
    public Engine(EngineSettings settings, Clock clock, SessionJournal journal, SafetyLatch latch,
            AlarmBook alarmBook) {
        this.settings = settings;
        this.clock = clock;
        this.journal = journal;
        this.latch = latch;
        this.caller = new PluginCaller(settings.pluginCallTimeoutMillis());
        this.alarms = new AlarmDesk(latch, alarmBook, journal, events, current);
        this.devices = new DeviceRegistry(clock, latch, journal, events, alarms, caller, current, this::emergencyStop,
                housekeeping, settings.connectRetryMillis());
        this.techniques = new TechniqueCatalogue(caller, alarms, current);
        this.safety = new SafetyActions(latch, devices, current, alarms, journal, events,
                settings.watchdogTimeoutMillis());
        this.loop = new ControlLoop(safety, settings.periodNanos(), settings.lateTickThresholdMillis() * 1_000_000L,
                settings.maxConsecutiveLateTicks(), settings.journalSampleRateHz());
        this.watchdog = new Watchdog(loop::ticks, settings.watchdogTimeoutMillis() * 1_000_000L, safety::loopStopped,
                safety::loopStillStopped);
        safety.watch(loop, watchdog);
        this.journalWatch = new JournalWatch(journal, alarms);
        this.histories = new TreatmentHistories(
                new JournalTreatmentHistory(settings.dataDirectory().resolve("sessions")), Instant::now);
        this.sessions = new SessionStarter(settings, clock, journal, latch, current, devices, techniques, alarms,
                events, caller, screeningRules, histories, this::whyNoSessionCanStart);
    }

    // ================================================================ lifecycle

    /**
     * Starts the engine. Its first act is the vent-first recovery of SR-16: devices found now are
     * force-vented; those that attach later (the usual case in OSGi) are vented before anything else
     * reaches them, since a slot's first command is vent, and each attachment is journaled as
     * {@code device-attached} with that first command. Sessions the journal shows unfinished are
     * marked recovered.
     *
     * @param watchdogThread start the wall-clock watchdog thread (tests call {@link #watchdog()} directly)
     */
    public void start(boolean watchdogThread) {
        List<String> vented = new ArrayList<>();
        for (DeviceSlot slot : devices.slots()) {
            slot.forceVentAll();
            vented.add(slot.id());
        }
        List<String> unfinished = journal.recoverUnfinished();
        if (!unfinished.isEmpty()) {
            LOG.warn("The engine stopped during {} session(s) {}; every device is vented as it attaches",
                    unfinished.size(), unfinished);
        }
        journal.event(null, "engine-start", Map.of("clock", clock.isVirtual() ? "virtual" : "system",
                "ventedDevices", vented, "unfinishedSessions", unfinished, "latched", latch.causes().toString()));
        if (clock.isVirtual()) {
            virtualTicks = clock.every(settings.periodNanos(), "upwell-control", () -> {
                long now = clock.nanoTime();
                loop.tick(now, now);
            });
        } else {
            // The loop catches whatever a tick throws; only a failure of that handling itself kills the thread.
            FixedRateThread thread = new FixedRateThread("upwell-control", settings.periodNanos(), loop::tick,
                    safety::controlThreadDied);
            thread.setPriority(Thread.MAX_PRIORITY);
            controlThread = thread;
            safety.watchControlThread(() -> !thread.isAlive());
            thread.start();
        }
        if (watchdogThread) {
            watchdog.start();
        }
        housekeeping.scheduleWithFixedDelay(journalWatch::check, 0, JOURNAL_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        started = true;
        LOG.info("Upwell engine started: {} Hz on the {} clock, journal in {}", settings.controlRateHz(),
                clock.isVirtual() ? "virtual" : "system", settings.dataDirectory());
    }

    /** Stops the engine: vents every device, aborts a live session, disconnects drivers, closes the journal. */
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        started = false;
        ActiveSession live = current.live();
        if (live != null) {
            live.abort("the engine stopped");
        }
        watchdog.stop();
        housekeeping.shutdownNow();
        if (controlThread != null) {
            controlThread.shutdown();
            try {
                controlThread.join(TICK_IN_FLIGHT_MILLIS); // no tick may still write once the journal closes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (virtualTicks != null) {
            virtualTicks.close();
        }
        devices.closeAll();
        journal.event(null, "engine-stop", Map.of());
        caller.close();
        events.close(settings.pluginCallTimeoutMillis());
        journal.close();
    }

    private String whyNoSessionCanStart() {
        if (!started) {
            return "the engine is not running";
        }
        String loop = safety.loopProblem();
        return loop != null ? loop : journalWatch.refusal();
    }

    // ================================================================ whiteboard

    /** A driver service arrived: it is described and connected on a plugin thread, under a deadline. */
    public void addDriver(DeviceDriver driver) {
        devices.addDriver(driver);
    }

    /** A driver service left: its channels are vented and a session using it pauses (SR-09). */
    public void removeDriver(DeviceDriver driver) {
        devices.removeDriver(driver);
    }

    /** A technique service from a Java module arrived; {@code module} names the bundle that brought it. Never blocks. */
    public void addTechnique(Technique technique, String module) {
        addTechnique(technique, module, ORIGIN_BUNDLE);
    }

    /**
     * A technique service arrived; {@code module} names the bundle that brought it and {@code origin}
     * where that bundle got it (a program file, or {@value #ORIGIN_BUNDLE}). Never blocks.
     */
    public void addTechnique(Technique technique, String module, String origin) {
        techniques.add(technique, module, origin);
    }

    /** A technique updated in place (its service properties changed): described afresh; a session running it goes on. */
    public void updateTechnique(Technique technique, String module, String origin) {
        techniques.update(technique, module, origin);
    }

    /** A technique left; a session running it ramps out and the operator is told which module left (SR-11). */
    public void removeTechnique(Technique technique) {
        techniques.remove(technique);
    }

    /** The installed technique with this id, or null. */
    TechniqueCatalogue.Entry technique(String id) {
        return techniques.get(id);
    }

    public void addListener(EngineListener listener) {
        events.addListener(listener);
    }

    /** A clinic's screening rule, asked about every later request that carries screening. */
    public void addScreeningRule(io.upwell.api.screening.ScreeningRule rule, String module) {
        screeningRules.add(rule, module);
    }

    public void removeScreeningRule(io.upwell.api.screening.ScreeningRule rule) {
        screeningRules.remove(rule);
    }

    /** A shared treatment history (SR-15), asked instead of this station's journal while it is registered. */
    public void useTreatmentHistory(io.upwell.api.history.TreatmentHistory history, String module) {
        histories.use(history, module);
    }

    public void dropTreatmentHistory(io.upwell.api.history.TreatmentHistory history) {
        histories.drop(history);
    }

    public void removeListener(EngineListener listener) {
        events.removeListener(listener);
    }

    // ================================================================ EngineControl

    @Override
    public Session start(SessionRequest request) throws SessionException {
        return sessions.start(request);
    }

    @Override
    public SessionPlan check(SessionRequest request) throws SessionException {
        return sessions.check(request);
    }

    @Override
    public void pause(String sessionId, String by) throws SessionException {
        live(sessionId, by).pause(by);
    }

    @Override
    public void resume(String sessionId, String by) throws SessionException {
        live(sessionId, by).resume(by);
    }

    @Override
    public void stop(String sessionId, String by) throws SessionException {
        live(sessionId, by).stop(by);
    }

    @Override
    public int setIntensity(String sessionId, int percent, String by) throws SessionException {
        ActiveSession session = live(sessionId, by);
        session.setIntensity(percent, by);
        return session.snapshot().intensity();
    }

    @Override
    public void cue(String sessionId, int cup, String by) throws SessionException {
        live(sessionId, by).cue(cup, by);
    }

    /** The session a command names, when it is the current one and still live. */
    private ActiveSession live(String sessionId, String by) throws SessionException {
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("who gives the command is needed for the journal");
        }
        ActiveSession now = current.get();
        if (now == null || !now.id().equals(sessionId)) {
            ActiveSession past = sessionId == null ? null : current.find(sessionId);
            throw new SessionException(past != null
                    ? "session " + sessionId + " is " + past.state() + "; it can no longer be commanded"
                    : "no session '" + sessionId + "'" + (now == null ? "" : "; the current session is " + now.id()));
        }
        return now;
    }

    @Override
    public void emergencyStop(String source) {
        safety.emergencyStop(source);
    }

    @Override
    public void acknowledge(String operator) throws SessionException {
        safety.acknowledge(operator);
    }

    @Override
    public AlarmStatus acknowledge(String operator, String alarmId) throws SessionException {
        return safety.acknowledge(operator, alarmId);
    }

    // ================================================================ EngineStatus

    @Override
    public Optional<Session> current() {
        return Optional.ofNullable(current.get());
    }

    @Override
    public Optional<SessionSnapshot> currentSession() {
        return Optional.ofNullable(current.get()).map(ActiveSession::snapshot);
    }

    @Override
    public Optional<SessionSnapshot> session(String sessionId) {
        return Optional.ofNullable(sessionId == null ? null : current.find(sessionId)).map(ActiveSession::snapshot);
    }

    @Override
    public boolean latched() {
        return latch.isSet();
    }

    @Override
    public List<AlarmStatus> activeAlarms() {
        return alarms.active();
    }

    @Override
    public Optional<AlarmStatus> alarm(String alarmId) {
        return Optional.ofNullable(alarmId == null ? null : alarms.status(alarmId));
    }

    @Override
    public List<DeviceStatus> devices() {
        return devices.statuses();
    }

    @Override
    public List<AvailableTechnique> techniques() {
        return techniques.available();
    }

    @Override
    public LoopStatistics loopStatistics() {
        LatenessHistogram h = loop.lateness();
        return new LoopStatistics(loop.periodNanos(), loop.ticks(), loop.lateTicks(), h.percentile(50),
                h.percentile(99), h.max());
    }

    @Override
    public JournalHealth journalHealth() {
        return journalWatch.health();
    }

    // ================================================================ for the runtime, tools and tests

    /** Checks the journal's health now, as the housekeeping does every {@value #JOURNAL_CHECK_MILLIS} ms. */
    void checkJournal() {
        journalWatch.check();
    }

    public EngineSettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public Watchdog watchdog() {
        return watchdog;
    }

    public ControlLoop loop() {
        return loop;
    }

    /** The devices now, as the control loop sees them. */
    public DeviceSlot[] slots() {
        return devices.slots();
    }

    /** Alarms raised outside any session, oldest first. */
    public List<Alarm> engineAlarms() {
        return alarms.engineAlarms();
    }

    /** The safe-state paths; for tests that drive one as the loop or the watchdog would. */
    SafetyActions safety() {
        return safety;
    }

    /** Where alarms are raised; for tests that raise one as a plugin's failure would. */
    AlarmDesk alarms() {
        return alarms;
    }

    /** True while a session is live (not ended or aborted), paused ones included. */
    public boolean hasLiveSession() {
        return current.live() != null;
    }

    /** True while a session applies or ramps vacuum: the virtual clock then runs at full speed. */
    public boolean busy() {
        ActiveSession session = current.get();
        return session != null && session.mayApplyVacuum();
    }

    /** Writes an engine-level record to the journal (configuration changes, for example). */
    public void recordEngineEvent(String type, Map<String, Object> fields) {
        journal.event(null, type, fields);
    }
}
