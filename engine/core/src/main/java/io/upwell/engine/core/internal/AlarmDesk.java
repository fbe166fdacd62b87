package io.upwell.engine.core.internal;

import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.safety.AlarmState;
import io.upwell.api.safety.AlarmStatus;
import io.upwell.api.session.SessionException;
import io.upwell.engine.core.internal.journal.SessionJournal;
import io.upwell.engine.core.internal.safety.AlarmBook;
import io.upwell.engine.core.internal.safety.SafetyLatch;
import io.upwell.engine.core.internal.session.ActiveSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every alarm is raised and goes through its life (raised, acknowledged, cleared): it latches
 * when it must, is kept with its session (or with the engine when no session is concerned), and
 * each step is journaled, logged and told to listeners. Safe from any thread, the control thread
 * included: the logging and the listeners run on the event thread.
 * <p>
 * Each step holds the {@link AlarmBook}'s monitor together with the latch operation that goes with
 * it: a latching alarm re-asserts the latch as it is recorded, and an acknowledgement clears the
 * latch only for the alarms recorded before it. So an acknowledgement and a new alarm never leave
 * a raised latching alarm with its latch cleared.
 */
final class AlarmDesk {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmDesk.class);
    /** Engine alarms kept for people to read; the journal keeps them all. */
    static final int KEPT_ENGINE_ALARMS = 1000;

    private final SafetyLatch latch;
    private final AlarmBook book;
    private final SessionJournal journal;
    private final EngineEvents events;
    private final CurrentSession current;
    private final List<Alarm> engineAlarms = new ArrayList<>();

    AlarmDesk(SafetyLatch latch, SessionJournal journal, EngineEvents events, CurrentSession current) {
        this(latch, new AlarmBook(Instant.now()), journal, events, current);
    }

    /** @param book the machine's alarms, handed from engine to engine like the latch */
    AlarmDesk(SafetyLatch latch, AlarmBook book, SessionJournal journal, EngineEvents events, CurrentSession current) {
        this.latch = latch;
        this.book = book;
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
            this.latch.latch(SafetyLatch.Cause.FAULT); // at once, before anything slower
        }
        record(target, priority, condition, deviceId, channel, message, latch ? SafetyLatch.Cause.FAULT : null);
    }

    /** Raises the alarm of a cause the caller has latched already (an emergency stop, a stopped loop). */
    void raiseLatched(ActiveSession target, AlarmPriority priority, AlarmCondition condition, String message,
            SafetyLatch.Cause cause) {
        record(target, priority, condition, "", -1, message, cause);
    }

    /** @param cause the latch cause this alarm holds, or null for a notice that does not latch */
    private void record(ActiveSession target, AlarmPriority priority, AlarmCondition condition, String deviceId,
            int channel, String message, SafetyLatch.Cause cause) {
        boolean latching = cause != null;
        Alarm alarm;
        AlarmStatus status;
        synchronized (book) {
            if (latching) {
                latch.latch(cause); // again: an acknowledgement may have cleared it since the caller latched
                book.sawLatch(latch.generation());
            }
            alarm = new Alarm(book.nextId(), priority, condition, deviceId, channel, Instant.now(), message, latching);
            status = book.add(alarm, target == null ? "" : target.id());
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("id", alarm.id());
            fields.put("priority", priority.name());
            fields.put("condition", condition.name());
            fields.put("requirement", condition.requirement());
            fields.put("device", deviceId);
            fields.put("channel", channel);
            fields.put("message", message);
            fields.put("latched", latching);
            journal.eventOfSession(target == null ? null : target.id(), "alarm", fields);
        }
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
        events.run(() -> {
            if (priority == AlarmPriority.HIGH) {
                LOG.error("ALARM {}", alarm);
            } else {
                LOG.warn("ALARM {}", alarm);
            }
        });
        events.tell(l -> l.alarmRaised(alarm));
        events.tell(l -> l.alarmChanged(status));
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

    // ---------------------------------------------------------------- acknowledgement

    /**
     * Acknowledges every alarm and clears the latch with {@code clearLatch}, in one step that no
     * alarm lands inside: one recorded before is acknowledged and cleared, one recorded after
     * latches again and stays raised.
     */
    Set<SafetyLatch.Cause> acknowledgeAll(String by, Supplier<Set<SafetyLatch.Cause>> clearLatch) {
        synchronized (book) {
            Set<SafetyLatch.Cause> was = clearLatch.get();
            Instant now = Instant.now();
            for (AlarmStatus status : book.active()) {
                if (status.state() == AlarmState.RAISED) {
                    step(book.acknowledge(status.id(), by, now), by);
                }
                step(book.clear(status.id(), now), by);
            }
            return was;
        }
    }

    /** What acknowledging one alarm did. */
    record Acknowledgement(AlarmStatus status, Set<SafetyLatch.Cause> latchCleared) {
    }

    /**
     * Acknowledges one alarm. A notice is cleared at once. When it was the last latching alarm
     * waiting, {@code clearLatch} is asked to clear the latch for the latch generation the desk saw
     * last (it returns null when it may not, or the latch changed since); cleared, every
     * acknowledged latching alarm is cleared with it.
     *
     * @throws SessionException when no alarm has this id
     */
    Acknowledgement acknowledgeOne(String by, String alarmId, LongFunction<Set<SafetyLatch.Cause>> clearLatch)
            throws SessionException {
        synchronized (book) {
            AlarmStatus status = book.get(alarmId);
            if (status == null) {
                throw new SessionException("no alarm '" + alarmId + "'; active alarms: "
                        + book.active().stream().map(AlarmStatus::id).toList());
            }
            if (status.state() != AlarmState.RAISED) {
                return new Acknowledgement(status, null);
            }
            Instant now = Instant.now();
            status = step(book.acknowledge(alarmId, by, now), by);
            if (!status.alarm().latching()) {
                return new Acknowledgement(step(book.clear(alarmId, now), by), null);
            }
            if (book.latchingRaised()) {
                return new Acknowledgement(status, null); // the latch waits for the others
            }
            Set<SafetyLatch.Cause> was = latch.isSet() ? clearLatch.apply(book.seenGeneration()) : Set.of();
            if (was == null) {
                return new Acknowledgement(status, null);
            }
            for (AlarmStatus acknowledged : book.active()) {
                if (acknowledged.alarm().latching() && acknowledged.state() == AlarmState.ACKNOWLEDGED) {
                    AlarmStatus cleared = step(book.clear(acknowledged.id(), now), by);
                    if (acknowledged.id().equals(alarmId)) {
                        status = cleared;
                    }
                }
            }
            return new Acknowledgement(status, was);
        }
    }

    /** Journals a step of an alarm's life and tells listeners; under the book's monitor. */
    private AlarmStatus step(AlarmStatus status, String by) {
        String type = status.state() == AlarmState.CLEARED ? "alarm-cleared" : "alarm-acknowledged";
        journal.eventOfSession(status.sessionId().isEmpty() ? null : status.sessionId(), type,
                Map.of("id", status.id(), "by", by));
        events.tell(l -> l.alarmChanged(status));
        return status;
    }

    /** Alarms not cleared yet, oldest first. */
    List<AlarmStatus> active() {
        synchronized (book) {
            return book.active();
        }
    }

    /** An alarm the book still keeps, or null. */
    AlarmStatus status(String alarmId) {
        synchronized (book) {
            return book.get(alarmId);
        }
    }

    /** Alarms raised outside any session, oldest first. */
    List<Alarm> engineAlarms() {
        synchronized (engineAlarms) {
            return List.copyOf(engineAlarms);
        }
    }
}
