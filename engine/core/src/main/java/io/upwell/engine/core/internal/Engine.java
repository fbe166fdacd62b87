package io.upwell.engine.core.internal;

import io.upwell.engine.core.internal.settings.EngineSettings;
import io.upwell.api.device.ConnectionState;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceDriver;
import io.upwell.api.device.DeviceState;
import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.session.DeviceStatus;
import io.upwell.api.session.EngineListener;
import io.upwell.api.session.LoopStatistics;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionService;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.Technique;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.time.Clock;
import io.upwell.engine.core.internal.device.DeviceSlot;
import io.upwell.engine.core.internal.journal.SessionJournal;
import io.upwell.engine.core.internal.loop.ControlLoop;
import io.upwell.engine.core.internal.loop.ControlThread;
import io.upwell.engine.core.internal.loop.LatenessHistogram;
import io.upwell.engine.core.internal.loop.Watchdog;
import io.upwell.engine.core.internal.session.ActiveSession;
import io.upwell.engine.core.internal.safety.SafetyLatch;
import io.upwell.engine.core.internal.safety.VentWatch;
import io.upwell.engine.core.internal.session.SessionHost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine, free of OSGi so that unit tests run it on the virtual clock: the session service,
 * the registry of devices and techniques, and the safety paths that act outside the control loop
 * (emergency stop, plugins leaving, lost devices, a stopped loop).
 * <p>
 * Plugin code (a driver's connect and disconnect, a technique's plan and descriptor) runs on the
 * engine's plugin threads under a deadline, never on the control thread and never while holding
 * a lock the control thread needs.
 */
public final class Engine implements SessionService, SessionHost, DeviceSlot.Events, ControlLoop.Host {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final int MAX_ENGINE_ALARMS = 1000;

    private final EngineSettings settings;
    private final Clock clock;
    private final SessionJournal journal;
    private final ControlLoop loop;
    private final Watchdog watchdog;
    private final SessionPlanner planner;
    private final ExecutorService pluginCalls;
    private final ExecutorService events;
    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger sessionCounter = new AtomicInteger();

    private final Object registry = new Object();
    /** Guards publishing a session against departures being handled at the same moment; never held long. */
    private final Object sessionLock = new Object();
    private boolean starting;
    private final Map<String, DeviceSlot> devices = new LinkedHashMap<>();
    private final Map<String, TechniqueEntry> techniques = new LinkedHashMap<>();
    private volatile DeviceSlot[] slots = new DeviceSlot[0];
    private volatile ActiveSession session;
    private final SafetyLatch latch;
    private final List<Alarm> engineAlarms = new ArrayList<>();

    private ControlThread controlThread;
    private Clock.Scheduled virtualTicks;
    private volatile boolean started;
    private boolean closed;

    /** A registered technique and the module that brought it. */
    record TechniqueEntry(Technique technique, TechniqueDescriptor descriptor, String module) {
    }

    /** An engine with a latch of its own: for tests and tools that run one engine and nothing else. */
    public Engine(EngineSettings settings, Clock clock, SessionJournal journal) {
        this(settings, clock, journal, new SafetyLatch());
    }

    /**
     * @param latch the machine's latch: shared by every engine that succeeds another on the same
     *              devices, so that replacing the engine never clears an emergency stop or a fault
     */
    public Engine(EngineSettings settings, Clock clock, SessionJournal journal, SafetyLatch latch) {
        this.settings = settings;
        this.clock = clock;
        this.journal = journal;
        this.latch = latch;
        this.loop = new ControlLoop(this, settings.periodNanos(), settings.lateTickThresholdMillis() * 1_000_000L,
                settings.maxConsecutiveLateTicks(), settings.journalSampleRateHz());
        this.watchdog = new Watchdog(loop::ticks, settings.watchdogTimeoutMillis() * 1_000_000L, this::loopStopped,
                this::loopStillStopped);
        this.planner = new SessionPlanner(settings);
        this.pluginCalls = Executors.newCachedThreadPool(named("upwell-plugin-call"));
        this.events = Executors.newSingleThreadExecutor(named("upwell-events"));
    }

    // ================================================================ lifecycle

    /**
     * Starts the engine. Its first act is the vent-first recovery of SR-16: every device found is
     * vented (a slot's first command is always vent, and here every slot is force-vented), and
     * sessions the journal shows unfinished are marked recovered.
     *
     * @param watchdogThread start the wall-clock watchdog thread (tests call {@link #watchdog()} directly)
     */
    public void start(boolean watchdogThread) {
        // Devices found now are force-vented; those that attach later (the usual case in OSGi) are
        // vented before anything else reaches them, since a slot's first command is vent, and each
        // attachment is journaled as "device-attached" with that first command.
        List<String> vented = new ArrayList<>();
        for (DeviceSlot slot : slots) {
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
            virtualTicks = clock.every(settings.periodNanos(), "upwell-control",
                    () -> {
                        long now = clock.nanoTime();
                        loop.tick(now, now);
                    });
        } else {
            controlThread = new ControlThread(loop, settings.periodNanos(), this::controlThreadDied);
            controlThread.start();
        }
        if (watchdogThread) {
            watchdog.start();
        }
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
        ActiveSession current = session;
        if (current != null && current.isLive()) {
            current.abort("the engine stopped");
        }
        watchdog.stop();
        if (controlThread != null) {
            controlThread.shutdown();
        }
        if (virtualTicks != null) {
            virtualTicks.close();
        }
        List<DeviceSlot> all;
        synchronized (registry) {
            all = new ArrayList<>(devices.values());
            devices.clear();
            slots = new DeviceSlot[0];
        }
        for (DeviceSlot slot : all) {
            slot.close();
            callDriver(slot, "disconnect", () -> {
                slot.driver().disconnect();
                return null;
            });
        }
        journal.event(null, "engine-stop", Map.of());
        pluginCalls.shutdown();
        events.shutdown();
        try {
            events.awaitTermination(settings.pluginCallTimeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        journal.close();
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

    /** True while a session is live (not ended or aborted), paused ones included. */
    public boolean hasLiveSession() {
        ActiveSession current = session;
        return current != null && current.isLive();
    }

    /** Writes an engine-level record to the journal (configuration changes, for example). */
    public void recordEngineEvent(String type, Map<String, Object> fields) {
        journal.event(null, type, fields);
    }

    /** True while a session applies or ramps vacuum: the virtual clock then runs at full speed. */
    public boolean busy() {
        ActiveSession current = session;
        return current != null && current.isActive();
    }

    // ================================================================ whiteboard: devices

    /** A driver service arrived: describe and connect it on a plugin thread, under a deadline. */
    public void addDriver(DeviceDriver driver) {
        String who = "driver " + driver.getClass().getName();
        callPlugin(who, "descriptor", driver::descriptor).whenComplete((descriptor, failure) -> {
            if (failure != null) {
                raiseEngine(AlarmPriority.MEDIUM, AlarmCondition.DRIVER_FAILED, "", -1,
                        who + " could not describe its device: " + describe(failure), false);
            } else {
                attach(driver, descriptor);
            }
        });
    }

    private void attach(DeviceDriver driver, DeviceDescriptor descriptor) {
        DeviceSlot slot = new DeviceSlot(driver, descriptor, clock, this, latch);
        synchronized (registry) {
            DeviceSlot existing = devices.get(descriptor.id());
            if (existing != null) {
                raiseEngine(AlarmPriority.MEDIUM, AlarmCondition.DRIVER_FAILED, descriptor.id(), -1,
                        "two drivers claim device id '" + descriptor.id() + "'; the second ("
                                + driver.getClass().getName() + ") is ignored", false);
                return;
            }
            devices.put(descriptor.id(), slot);
            slots = devices.values().toArray(new DeviceSlot[0]);
            ActiveSession current = session;
            if (current != null && current.isLive() && current.uses(descriptor.id())) {
                current.rebind(slot);
            }
        }
        journal.event(null, "device-attached", Map.of("device", descriptor.id(), "driver",
                driver.getClass().getName(), "channels", descriptor.channelCount(), "firstCommand", "vent"));
        moveDevice(slot, DeviceState.CONNECTING, "connecting");
        callDriver(slot, "connect", () -> {
            slot.driver().connect(slot);
            return null;
        }).whenComplete((ok, failure) -> {
            if (failure != null && !slot.isClosed()) {
                moveDevice(slot, DeviceState.DISCONNECTED, "connect failed: " + describe(failure));
            }
        });
    }

    /** A driver service left: its channels are vented and a session using it pauses (SR-09). */
    public void removeDriver(DeviceDriver driver) {
        DeviceSlot gone = null;
        synchronized (registry) {
            for (DeviceSlot slot : devices.values()) {
                if (slot.driver() == driver) {
                    gone = slot;
                }
            }
            if (gone == null) {
                return;
            }
            devices.remove(gone.id());
            slots = devices.values().toArray(new DeviceSlot[0]);
        }
        DeviceSlot slot = gone;
        slot.close();
        moveDevice(slot, DeviceState.DISCONNECTED, "driver service left");
        deviceLost(slot, "device " + slot.id() + " left: its driver service was unregistered");
        callDriver(slot, "disconnect", () -> {
            driver.disconnect();
            return null;
        });
    }

    @Override
    public void connectionChanged(DeviceSlot slot, ConnectionState connection, String reason) {
        switch (connection) {
            case CONNECTING:
                if (slot.canMoveTo(DeviceState.CONNECTING)) {
                    moveDevice(slot, DeviceState.CONNECTING, reason);
                }
                break;
            case CONNECTED:
                if (slot.state() == DeviceState.DISCONNECTED) {
                    moveDevice(slot, DeviceState.CONNECTING, reason);
                }
                if (slot.state() == DeviceState.CONNECTING) {
                    slot.markReady(clock.nanoTime());
                    moveDevice(slot, DeviceState.READY, reason.isEmpty() ? "connected" : reason);
                }
                break;
            case DISCONNECTED:
                slot.forceVentAll();
                if (slot.canMoveTo(DeviceState.DISCONNECTED)) {
                    moveDevice(slot, DeviceState.DISCONNECTED, reason);
                    deviceLost(slot, "device " + slot.id() + " disconnected: " + reason);
                }
                break;
            default:
                break;
        }
    }

    private void deviceLost(DeviceSlot slot, String message) {
        synchronized (sessionLock) {
            ActiveSession current = session;
            if (current != null && current.isLive() && current.uses(slot.id())) {
                current.fault(AlarmCondition.DEVICE_LOST, slot.id(), -1, message + "; session paused");
                return;
            }
        }
        raiseEngine(AlarmPriority.LOW, AlarmCondition.DEVICE_LOST, slot.id(), -1, message, false);
    }

    @Override
    public void deviceSilent(DeviceSlot slot, long silentNanos) {
        slot.forceVentAll();
        slot.markSilent();
        String message = "device " + slot.id() + " sent no sample for " + silentNanos / 1_000_000
                + " ms; its channels are vented";
        if (slot.canMoveTo(DeviceState.DISCONNECTED)) {
            moveDevice(slot, DeviceState.DISCONNECTED, "silent for " + silentNanos / 1_000_000 + " ms");
        }
        faultOrRaise(AlarmCondition.DEVICE_SILENT, slot.id(), -1, message);
    }

    /**
     * A latching fault: the live session, if any, is faulted with it (it pauses or aborts, so it
     * never runs on while the latch vents it); otherwise an engine alarm latches.
     */
    private void faultOrRaise(AlarmCondition condition, String deviceId, int channel, String message) {
        latch.latch(SafetyLatch.Cause.FAULT);
        ActiveSession current = session;
        if (current != null && current.isLive()) {
            current.fault(condition, deviceId, channel, message);
        } else {
            raiseEngine(AlarmPriority.HIGH, condition, deviceId, channel, message, true);
        }
    }

    @Override
    public void deviceHeard(DeviceSlot slot) {
        if (slot.state() == DeviceState.DISCONNECTED) {
            moveDevice(slot, DeviceState.CONNECTING, "samples arrive again");
            slot.markReady(clock.nanoTime());
            moveDevice(slot, DeviceState.READY, "samples arrive again");
        } else {
            slot.markReady(clock.nanoTime());
        }
    }

    private void moveDevice(DeviceSlot slot, DeviceState to, String reason) {
        DeviceState from = slot.moveTo(to, reason);
        if (from != null) {
            journal.event(null, "device", Map.of("device", slot.id(), "from", from.name(), "to", to.name(),
                    "reason", reason));
            offControlThread(() -> LOG.info("device {}: {} -> {} ({})", slot.id(), from, to, reason));
            notifyListeners(l -> l.deviceChanged(slot.id(), from, to, reason));
        }
    }

    // ================================================================ whiteboard: techniques

    /** A technique service arrived; {@code module} names the bundle that brought it, for the operator. */
    public void addTechnique(Technique technique, String module) {
        TechniqueDescriptor descriptor;
        try {
            descriptor = callPlugin("technique module " + module, "descriptor", technique::descriptor)
                    .get(settings.pluginCallTimeoutMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            raiseEngine(AlarmPriority.LOW, AlarmCondition.TECHNIQUE_FAILED, "", -1,
                    "technique module " + module + " could not describe itself: " + describe(e), false);
            return;
        }
        synchronized (registry) {
            if (techniques.containsKey(descriptor.id())) {
                raiseEngine(AlarmPriority.LOW, AlarmCondition.TECHNIQUE_FAILED, "", -1, "technique id '"
                        + descriptor.id() + "' from " + module + " is already taken by "
                        + techniques.get(descriptor.id()).module() + "; ignored", false);
                return;
            }
            techniques.put(descriptor.id(), new TechniqueEntry(technique, descriptor, module));
        }
        LOG.info("technique {} from {} available", descriptor.id(), module);
    }

    /** A technique left; a session running it is vented and aborted at once (SR-11). */
    public void removeTechnique(Technique technique) {
        TechniqueEntry gone = null;
        synchronized (registry) {
            for (var it = techniques.values().iterator(); it.hasNext();) {
                TechniqueEntry entry = it.next();
                if (entry.technique() == technique) {
                    gone = entry;
                    it.remove();
                }
            }
        }
        if (gone == null) {
            return;
        }
        synchronized (sessionLock) {
            ActiveSession current = session;
            if (current != null && current.isLive() && current.technique() == technique) {
                current.ventNow(); // vent first; telling people comes after
                String message = "technique '" + gone.descriptor().id() + "' (module " + gone.module()
                        + ") left mid-session; every cup vented";
                raise(current, AlarmPriority.HIGH, AlarmCondition.TECHNIQUE_FAILED, "", -1, message, true);
                current.abort(message);
            }
        }
    }

    // ================================================================ listeners

    public void addListener(EngineListener listener) {
        listeners.add(listener);
    }

    public void removeListener(EngineListener listener) {
        listeners.remove(listener);
    }

    private void notifyListeners(java.util.function.Consumer<EngineListener> call) {
        offControlThread(() -> {
            for (EngineListener listener : listeners) {
                try {
                    call.accept(listener);
                } catch (RuntimeException e) {
                    LOG.warn("engine listener {} failed", listener.getClass().getName(), e);
                }
            }
        });
    }

    /**
     * Runs reporting work (logging, listeners) on the engine's event thread: these paths may be
     * reached from the control thread, which must never wait on a console or a listener.
     */
    private void offControlThread(Runnable work) {
        try {
            events.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            work.run(); // the engine is closing: no control thread is left to protect
        }
    }

    // ================================================================ SessionService

    @Override
    public Session start(SessionRequest request) throws SessionException {
        if (!started) {
            throw new SessionException("the engine is not running");
        }
        TechniqueEntry technique;
        Map<String, DeviceSlot> known;
        synchronized (sessionLock) {
            refuseIfBusy();
            synchronized (registry) {
                technique = techniques.get(request.techniqueId());
                known = new LinkedHashMap<>(devices);
            }
            if (technique == null) {
                throw new SessionException("unknown technique '" + request.techniqueId() + "'; available: "
                        + techniques().stream().map(TechniqueDescriptor::id).toList());
            }
            starting = true;
        }
        try {
            String id = newSessionId();
            // Planning runs plugin code for up to its deadline: outside the lock, so departures and
            // operator commands are never held up by it. Everything it relied on is checked again below.
            SessionPlanner.Plan plan = planner.plan(id, request, technique, known, this::callPlugin, this);
            synchronized (sessionLock) {
                if (latch.isSet()) {
                    throw new SessionException("an emergency stop or fault latched while the session was being"
                            + " planned; the operator must acknowledge it first");
                }
                String changed = changedWhilePlanning(request, technique, known);
                if (changed != null) {
                    throw new SessionException("session not started: " + changed + " while it was being planned");
                }
                ActiveSession next = plan.session();
                Map<String, Object> header = new LinkedHashMap<>(plan.journalHeader());
                header.put(io.upwell.engine.core.internal.journal.JsonLinesJournal.CLOCK_NANOS, clock.nanoTime());
                session = next;
                journal.begin(id, header);
                next.begin();
                if (latch.isSet()) { // latched during the last steps (a silent device): every link reads vent
                    next.abort("an emergency stop or fault latched as the session started");
                }
                LOG.info("session {} started: {} on {} cup(s)", id, request.techniqueId(),
                        request.placements().size());
                return next;
            }
        } finally {
            synchronized (sessionLock) {
                starting = false;
            }
        }
    }

    private void refuseIfBusy() throws SessionException {
        String loopProblem = loopProblem();
        if (loopProblem != null) {
            throw new SessionException(loopProblem + "; no session can start");
        }
        if (latch.isSet()) {
            throw new SessionException("an emergency stop or fault is latched; the operator must acknowledge it first");
        }
        if (starting) {
            throw new SessionException("another session is being started");
        }
        ActiveSession current = session;
        if (current != null && current.isLive()) {
            throw new SessionException("session " + current.id() + " is " + current.state()
                    + "; stop it before starting another");
        }
    }

    /** What changed among the things a plan relied on, or null when nothing did. */
    private String changedWhilePlanning(SessionRequest request, TechniqueEntry technique,
            Map<String, DeviceSlot> known) {
        synchronized (registry) {
            if (techniques.get(request.techniqueId()) != technique) {
                return "technique '" + request.techniqueId() + "' (module " + technique.module() + ") left";
            }
            for (var placement : request.placements()) {
                DeviceSlot slot = devices.get(placement.deviceId());
                if (slot == null || slot != known.get(placement.deviceId()) || slot.isClosed()) {
                    return "device " + placement.deviceId() + " left";
                }
                if (slot.state() != DeviceState.READY) {
                    return "device " + placement.deviceId() + " became " + slot.state();
                }
            }
        }
        return null;
    }

    /** Readable and sortable by start time; the random part keeps ids unique across engine restarts. */
    private String newSessionId() {
        return String.format("%s-%03d-%s", java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(Instant.now()), sessionCounter.incrementAndGet(),
                java.util.UUID.randomUUID().toString().substring(0, 8));
    }

    @Override
    public Optional<Session> current() {
        return Optional.ofNullable(session);
    }

    @Override
    public void emergencyStop(String source) {
        boolean first = latch.latch(SafetyLatch.Cause.EMERGENCY_STOP); // first: every link reads vent from here
        ventEverything(); // pressed again: idempotent, but never less safe
        if (first) {
            raiseAndAbort(AlarmCondition.EMERGENCY_STOP, "emergency stop by " + source + ": every channel vented");
        }
    }

    @Override
    public void acknowledge(String operator) throws SessionException {
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("acknowledge: the operator's name is needed for the journal");
        }
        String loopProblem = loopProblem();
        if (loopProblem != null) {
            throw new SessionException(loopProblem + "; every channel stays vented and the latch stays set until"
                    + " the loop ticks again (restart the engine)");
        }
        Set<SafetyLatch.Cause> was = latch.acknowledge(); // every cause at once: nothing lands in between
        if (watchdog.loopStopped()) { // the loop died while we cleared: it stays latched
            latch.latch(SafetyLatch.Cause.LOOP_STOPPED);
            throw new SessionException("the control loop stopped ticking during the acknowledgement; it is"
                    + " latched again");
        }
        for (DeviceSlot slot : slots) {
            slot.rearmWatches();
            if (slot.state() == DeviceState.FAULTED) {
                moveDevice(slot, DeviceState.READY, "fault acknowledged by " + operator);
            }
        }
        ActiveSession current = session;
        journal.eventOfSession(current != null ? current.id() : null, "acknowledge",
                Map.of("operator", operator, "wasLatched", !was.isEmpty(), "causes", was.toString()));
        LOG.info("acknowledged by {} (latched: {})", operator, was);
    }

    /** Why the control loop cannot be trusted now, or null while it ticks normally. */
    private String loopProblem() {
        if (watchdog.loopStopped() || latch.isLatched(SafetyLatch.Cause.LOOP_STOPPED) && controlThreadDead()) {
            return "the control loop is not ticking";
        }
        if (loop.failing()) {
            return "the control loop's ticks are failing";
        }
        return null;
    }

    private boolean controlThreadDead() {
        return controlThread != null && !controlThread.isAlive();
    }

    @Override
    public boolean latched() {
        return latch.isSet();
    }

    @Override
    public List<DeviceStatus> devices() {
        List<DeviceStatus> list = new ArrayList<>();
        for (DeviceSlot slot : slots) {
            list.add(new DeviceStatus(slot.descriptor(), slot.state(), slot.stateReason()));
        }
        return list;
    }

    @Override
    public List<TechniqueDescriptor> techniques() {
        synchronized (registry) {
            return techniques.values().stream().map(TechniqueEntry::descriptor).toList();
        }
    }

    @Override
    public LoopStatistics loopStatistics() {
        LatenessHistogram h = loop.lateness();
        return new LoopStatistics(loop.periodNanos(), loop.ticks(), loop.lateTicks(), h.percentile(50),
                h.percentile(99), h.max());
    }

    /** Alarms raised outside any session, oldest first. */
    public List<Alarm> engineAlarms() {
        synchronized (engineAlarms) {
            return List.copyOf(engineAlarms);
        }
    }

    // ================================================================ loop host

    @Override
    public DeviceSlot[] slots() {
        return slots;
    }

    @Override
    public ActiveSession session() {
        return session;
    }

    @Override
    public void loopLate(int consecutiveLateTicks, long latenessNanos) {
        latch.latch(SafetyLatch.Cause.FAULT);
        ventEverything();
        faultOrRaise(AlarmCondition.LOOP_LATE, "", -1, consecutiveLateTicks + " control ticks in a row ran late"
                + " (last by " + latenessNanos / 1_000_000 + " ms); every channel vented");
    }

    @Override
    public void loopFailed(Throwable failure) {
        latch.latch(SafetyLatch.Cause.FAULT);
        ventEverything();
        offControlThread(() -> LOG.error("a control tick failed; every channel vented", failure));
        raiseAndAbort(AlarmCondition.LOOP_LATE,
                "a control tick failed (" + describe(failure) + "); every channel vented");
    }

    @Override
    public void idleChannelFault(DeviceSlot slot, int channel, VentWatch.Verdict verdict,
            String detail) {
        slot.forceVent(channel);
        AlarmCondition condition = switch (verdict) {
            case OVER_VACUUM -> AlarmCondition.OVER_VACUUM;
            case NOT_RELEASED -> AlarmCondition.VACUUM_NOT_RELEASED;
            default -> AlarmCondition.SENSOR_FAULT;
        };
        faultOrRaise(condition, slot.id(), channel,
                "device " + slot.id() + " channel " + channel + " (no cup of a session): " + detail + "; vented");
        if (slot.canMoveTo(DeviceState.FAULTED)) {
            moveDevice(slot, DeviceState.FAULTED, condition.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " on channel " + channel);
        }
    }

    /** The watchdog found the control loop stopped: vent everything from the watchdog's thread. */
    void loopStopped() {
        boolean first = latch.latch(SafetyLatch.Cause.LOOP_STOPPED);
        ventEverything();
        if (first) {
            raiseAndAbort(AlarmCondition.LOOP_LATE, "the control loop stopped ticking for more than "
                    + settings.watchdogTimeoutMillis() + " ms; every channel vented by the watchdog");
        }
    }

    /** Every watchdog check while the loop stays stopped: it stays latched and vented, whatever happened meanwhile. */
    void loopStillStopped() {
        latch.latch(SafetyLatch.Cause.LOOP_STOPPED);
        ventEverything();
    }

    /** The control thread is dying: latch and vent now rather than wait for the watchdog. */
    private void controlThreadDied(Throwable death) {
        latch.latch(SafetyLatch.Cause.LOOP_STOPPED);
        ventEverything();
        raiseAndAbort(AlarmCondition.LOOP_LATE, "the control thread died (" + describe(death)
                + "); every channel vented");
    }

    /** Force-vents every channel of every device at once, from the caller's thread. */
    private void ventEverything() {
        for (DeviceSlot slot : slots) {
            slot.forceVentAll();
        }
    }

    /**
     * After the engine-wide safe state is reached (latched and every channel vented): raises a high
     * alarm, with the live session if there is one, and aborts that session.
     */
    private void raiseAndAbort(AlarmCondition condition, String message) {
        ActiveSession current = session;
        boolean live = current != null && current.isLive();
        raise(live ? current : null, AlarmPriority.HIGH, condition, "", -1, message, true);
        if (live) {
            current.abort(message);
        }
    }

    // ================================================================ session host

    @Override
    public EngineSettings settings() {
        return settings;
    }

    @Override
    public SessionJournal journal() {
        return journal;
    }

    @Override
    public void raise(ActiveSession target, AlarmPriority priority, AlarmCondition condition, String deviceId,
            int channel, String message, boolean latch) {
        if (latch) {
            this.latch.latch(SafetyLatch.Cause.FAULT);
        }
        Alarm alarm = new Alarm(priority, condition, deviceId, channel, Instant.now(), message);
        if (target != null) {
            target.recordAlarm(alarm);
        } else {
            synchronized (engineAlarms) {
                if (engineAlarms.size() == MAX_ENGINE_ALARMS) {
                    engineAlarms.remove(0);
                }
                engineAlarms.add(alarm);
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("priority", priority.name());
        fields.put("condition", condition.name());
        fields.put("requirement", condition.requirement());
        fields.put("device", deviceId);
        fields.put("channel", channel);
        fields.put("message", message);
        fields.put("latched", latch);
        journal.eventOfSession(target == null ? null : target.id(), "alarm", fields);
        offControlThread(() -> {
            if (priority == AlarmPriority.HIGH) {
                LOG.error("ALARM {}", alarm);
            } else {
                LOG.warn("ALARM {}", alarm);
            }
        });
        notifyListeners(l -> l.alarmRaised(alarm));
    }

    private void raiseEngine(AlarmPriority priority, AlarmCondition condition, String deviceId, int channel,
            String message, boolean latch) {
        raise(null, priority, condition, deviceId, channel, message, latch);
    }

    @Override
    public void sessionChanged(ActiveSession changed, SessionState from, SessionState to, String reason) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("from", from.name());
        fields.put("to", to.name());
        fields.put("reason", reason);
        journal.event(changed.id(), "state", fields);
        if (to.isFinal()) {
            SessionSnapshotSummary.write(journal, changed);
        }
        offControlThread(() -> LOG.info("session {}: {} -> {}{}", changed.id(), from, to,
                reason.isEmpty() ? "" : " (" + reason + ")"));
        notifyListeners(l -> l.sessionChanged(changed.id(), from, to, reason));
    }

    @Override
    public void deviceFaulted(String deviceId, String reason) {
        DeviceSlot slot;
        synchronized (registry) {
            slot = devices.get(deviceId);
        }
        if (slot != null && slot.canMoveTo(DeviceState.FAULTED)) {
            moveDevice(slot, DeviceState.FAULTED, reason);
        }
    }

    @Override
    public String deviceNotReady(ActiveSession target) {
        for (var placement : target.request().placements()) {
            DeviceSlot slot;
            synchronized (registry) {
                slot = devices.get(placement.deviceId());
            }
            if (slot == null) {
                return "device " + placement.deviceId() + " is not connected";
            }
            if (slot.state() != DeviceState.READY) {
                return "device " + placement.deviceId() + " is " + slot.state() + " (" + slot.stateReason() + ")";
            }
        }
        return null;
    }

    // ================================================================ plugin calls

    /**
     * Runs plugin code on a plugin thread; the future fails if it throws or overruns the deadline.
     * While the call runs, its thread is named after it, so a thread dump shows which plugin hangs.
     */
    <T> CompletableFuture<T> callPlugin(String who, String what, java.util.concurrent.Callable<T> call) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            pluginCalls.execute(() -> {
                Thread thread = Thread.currentThread();
                String idle = thread.getName();
                thread.setName(idle + " [" + who + ": " + what + "]");
                try {
                    future.complete(call.call());
                } catch (Throwable t) {
                    future.completeExceptionally(t);
                } finally {
                    thread.setName(idle);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            future.completeExceptionally(e);
        }
        return future.orTimeout(settings.pluginCallTimeoutMillis(), TimeUnit.MILLISECONDS);
    }

    private CompletableFuture<Void> callDriver(DeviceSlot slot, String what,
            java.util.concurrent.Callable<Void> call) {
        return callPlugin("driver of " + slot.id(), what, call).whenComplete((ok, failure) -> {
            if (failure != null) {
                raiseEngine(AlarmPriority.MEDIUM, AlarmCondition.DRIVER_FAILED, slot.id(), -1,
                        "driver of " + slot.id() + ": " + what + " failed: " + describe(failure), false);
            }
        });
    }

    static String describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof java.util.concurrent.TimeoutException) {
            return "no answer within the deadline";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

}
