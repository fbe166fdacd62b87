package io.upwell.engine.core.internal;

import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.engine.core.internal.journal.SessionJournal;
import io.upwell.engine.core.internal.safety.SafetyLatch;
import io.upwell.engine.core.internal.session.ActiveSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every alarm is raised: it latches when it must, is kept with its session (or with the
 * engine when no session is concerned), journaled, logged and told to listeners. Safe from any
 * thread, the control thread included: the logging and the listeners run on the event thread.
 */
final class AlarmDesk {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmDesk.class);
    /** Engine alarms kept for people to read; the journal keeps them all. */
    static final int KEPT_ENGINE_ALARMS = 1000;

    private final SafetyLatch latch;
    private final SessionJournal journal;
    private final EngineEvents events;
    private final CurrentSession current;
    private final List<Alarm> engineAlarms = new ArrayList<>();

    AlarmDesk(SafetyLatch latch, SessionJournal journal, EngineEvents events, CurrentSession current) {
        this.latch = latch;
        this.journal = journal;
        this.events = events;
        this.current = current;
    }

    /**
     * Raises an alarm.
     *
     * @param target the session it concerns, or null for the engine
     * @param latch  true for a fault: nothing applies vacuum again until the operator acknowledges
     */
    void raise(ActiveSession target, AlarmPriority priority, AlarmCondition condition, String deviceId, int channel,
            String message, boolean latch) {
        if (latch) {
            this.latch.latch(SafetyLatch.Cause.FAULT);
        }
        record(target, priority, condition, deviceId, channel, message, latch);
    }

    /** Raises the alarm of a cause the caller has latched already (an emergency stop, a stopped loop). */
    void raiseLatched(ActiveSession target, AlarmPriority priority, AlarmCondition condition, String message) {
        record(target, priority, condition, "", -1, message, true);
    }

    private void record(ActiveSession target, AlarmPriority priority, AlarmCondition condition, String deviceId,
            int channel, String message, boolean latch) {
        Alarm alarm = new Alarm(priority, condition, deviceId, channel, Instant.now(), message);
        if (target != null) {
            target.recordAlarm(alarm);
        } else {
            synchronized (engineAlarms) {
                if (engineAlarms.size() == KEPT_ENGINE_ALARMS) {
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
        events.run(() -> {
            if (priority == AlarmPriority.HIGH) {
                LOG.error("ALARM {}", alarm);
            } else {
                LOG.warn("ALARM {}", alarm);
            }
        });
        events.tell(l -> l.alarmRaised(alarm));
    }

    /** Raises an alarm that concerns no session. */
    void raiseEngine(AlarmPriority priority, AlarmCondition condition, String deviceId, int channel, String message,
            boolean latch) {
        raise(null, priority, condition, deviceId, channel, message, latch);
    }

    /**
     * A latching fault: the live session, if any, is faulted with it (it pauses or aborts, so it
     * never runs on while the latch vents it); otherwise an engine alarm latches.
     */
    void faultOrRaise(AlarmCondition condition, String deviceId, int channel, String message) {
        latch.latch(SafetyLatch.Cause.FAULT);
        ActiveSession live = current.live();
        if (live != null) {
            live.fault(condition, deviceId, channel, message);
        } else {
            raiseEngine(AlarmPriority.HIGH, condition, deviceId, channel, message, true);
        }
    }

    /** Alarms raised outside any session, oldest first. */
    List<Alarm> engineAlarms() {
        synchronized (engineAlarms) {
            return List.copyOf(engineAlarms);
        }
    }
}
