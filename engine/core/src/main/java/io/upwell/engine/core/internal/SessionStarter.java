package io.upwell.engine.core.internal;

import io.upwell.api.device.DeviceState;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.engine.core.internal.device.DeviceSlot;
import io.upwell.engine.core.internal.journal.JsonLinesJournal;
import io.upwell.engine.core.internal.journal.SessionJournal;
import io.upwell.engine.core.internal.safety.SafetyLatch;
import io.upwell.engine.core.internal.session.ActiveSession;
import io.upwell.engine.core.internal.session.SessionHost;
import io.upwell.engine.core.internal.settings.EngineSettings;
import io.upwell.api.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts sessions and is what a running session knows of the engine ({@link SessionHost}).
 * Planning runs plugin code outside every lock; publishing the planned session happens under the
 * session lock after re-checking everything the plan relied on (the latch, the technique, the
 * devices), so a departure or an emergency stop during planning means the session never starts.
 */
final class SessionStarter implements SessionHost {
    private static final Logger LOG = LoggerFactory.getLogger(SessionStarter.class);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final EngineSettings settings;
    private final Clock clock;
    private final SessionJournal journal;
    private final SafetyLatch latch;
    private final CurrentSession current;
    private final DeviceRegistry devices;
    private final TechniqueCatalogue techniques;
    private final AlarmDesk alarms;
    private final EngineEvents events;
    private final PluginCaller caller;
    private final SessionPlanner planner;
    private final TreatmentHistories histories;
    private final AtomicInteger counter = new AtomicInteger();
    /** Why no session may start now (the engine stopped, the loop is dead), or null. */
    private final Supplier<String> blocked;
    private boolean starting;

    SessionStarter(EngineSettings settings, Clock clock, SessionJournal journal, SafetyLatch latch,
            CurrentSession current, DeviceRegistry devices, TechniqueCatalogue techniques, AlarmDesk alarms,
            EngineEvents events, PluginCaller caller, ScreeningRules screeningRules, TreatmentHistories histories,
            Supplier<String> blocked) {
        this.settings = settings;
        this.clock = clock;
        this.journal = journal;
        this.latch = latch;
        this.current = current;
        this.devices = devices;
        this.techniques = techniques;
        this.alarms = alarms;
        this.events = events;
        this.caller = caller;
        this.planner = new SessionPlanner(settings, screeningRules, histories);
        this.histories = histories;
        this.blocked = blocked;
    }

    ActiveSession start(SessionRequest request) throws SessionException {
        TechniqueCatalogue.Entry technique;
        Map<String, DeviceSlot> known;
        synchronized (current.lock) {
            refuseIfBusy();
            technique = techniques.get(request.techniqueId());
            known = devices.snapshot();
            if (technique == null) {
                throw new SessionException("unknown technique '" + request.techniqueId() + "'; available: "
                        + techniques.descriptors().stream().map(TechniqueDescriptor::id).toList());
            }
            starting = true;
        }
        try {
            String id = newSessionId();
            SessionPlanner.Plan plan;
            try {
                plan = planner.plan(id, request, technique, known, caller, this);
            } catch (SessionException refused) {
                if (Failures.unwrap(refused.getCause()) instanceof TimeoutException) {
                    alarms.raiseEngine(AlarmPriority.MEDIUM, AlarmCondition.TECHNIQUE_FAILED, "", -1,
                            refused.getMessage(), false);
                }
                throw refused;
            }
            synchronized (current.lock) {
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
                header.put(JsonLinesJournal.CLOCK_NANOS, clock.nanoTime());
                current.publish(next);
                journal.begin(id, header);
                histories.began(id, request.client().id(), plan.realSites());
                next.begin();
                Adaptation.startIfAdaptive(next, technique, caller, clock, settings, journal);
                if (latch.isSet()) { // latched during the last steps (a silent device): every link reads vent
                    next.abort("an emergency stop or fault latched as the session started");
                }
                LOG.info("session {} started: {} on {} cup(s)", id, request.techniqueId(),
                        request.placements().size());
                return next;
            }
        } finally {
            synchronized (current.lock) {
                starting = false;
            }
        }
    }

    /** Plans the request as {@link #start} would and starts nothing (see {@code SessionService.check}). */
    io.upwell.api.session.SessionPlan check(SessionRequest request) throws SessionException {
        TechniqueCatalogue.Entry technique = techniques.get(request.techniqueId());
        if (technique == null) {
            throw new SessionException("unknown technique '" + request.techniqueId() + "'; available: "
                    + techniques.descriptors().stream().map(TechniqueDescriptor::id).toList());
        }
        return planner.plan("check-" + counter.get(), request, technique, devices.snapshot(), caller, this).view();
    }

    private void refuseIfBusy() throws SessionException {
        String why = blocked.get();
        if (why != null) {
            throw new SessionException(why + "; no session can start");
        }
        if (latch.isSet()) {
            throw new SessionException("an emergency stop or fault is latched; the operator must acknowledge it first");
        }
        if (starting) {
            throw new SessionException("another session is being started");
        }
        ActiveSession live = current.live();
        if (live != null) {
            throw new SessionException("session " + live.id() + " is " + live.state()
                    + "; stop it before starting another");
        }
    }

    /** What changed among the things a plan relied on, or null when nothing did. */
    private String changedWhilePlanning(SessionRequest request, TechniqueCatalogue.Entry technique,
            Map<String, DeviceSlot> known) {
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
        return null;
    }

    /** Readable and sortable by start time; the random part keeps ids unique across engine restarts. */
    private String newSessionId() {
        return String.format("%s-%03d-%s", ID_TIME.format(Instant.now()), counter.incrementAndGet(),
                UUID.randomUUID().toString().substring(0, 8));
    }

    // ---------------------------------------------------------------- SessionHost

    @Override
    public EngineSettings settings() {
        return settings;
    }

    @Override
    public SessionJournal journal() {
        return journal;
    }

    @Override
    public boolean latched() {
        return latch.isSet();
    }

    @Override
    public void raise(ActiveSession session, AlarmPriority priority, AlarmCondition condition, String deviceId,
            int channel, String message, boolean latch) {
        alarms.raise(session, priority, condition, deviceId, channel, message, latch);
    }

    @Override
    public void sessionChanged(ActiveSession changed, SessionState from, SessionState to, String reason) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("from", from.name());
        fields.put("to", to.name());
        fields.put("reason", reason);
        journal.event(changed.id(), "state", fields);
        if (to.isFinal()) {
            // No session starts once a record was lost, so every loss so far happened during this one.
            long lost = journal.lostRecords();
            if (lost > 0) {
                // The writer counts losses on its own thread: records still queued may add to this later.
                alarms.raise(changed, AlarmPriority.MEDIUM, AlarmCondition.JOURNAL_FAILED, "", -1, "at least " + lost
                        + " journal record(s) could not be written during this session; its record is incomplete",
                        false);
            }
            SessionSnapshotSummary.write(journal, changed);
            histories.ended(changed.id(), changed.snapshot().elapsed());
        }
        events.run(() -> LOG.info("session {}: {} -> {}{}", changed.id(), from, to,
                reason.isEmpty() ? "" : " (" + reason + ")"));
        events.tell(l -> l.sessionChanged(changed.id(), from, to, reason));
    }

    @Override
    public void sampled(ActiveSession session) {
        events.sample(session::snapshot);
    }

    @Override
    public void deviceFaulted(String deviceId, String reason) {
        devices.fault(devices.get(deviceId), reason);
    }

    @Override
    public String deviceNotReady(ActiveSession session) {
        return devices.notReady(session);
    }
}
