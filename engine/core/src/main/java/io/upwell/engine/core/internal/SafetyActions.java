package io.upwell.engine.core.internal;

import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.safety.AlarmStatus;
import io.upwell.api.session.SessionException;
import io.upwell.engine.core.internal.device.DeviceSlot;
import io.upwell.engine.core.internal.journal.SessionJournal;
import io.upwell.engine.core.internal.loop.ControlLoop;
import io.upwell.engine.core.internal.loop.Watchdog;
import io.upwell.engine.core.internal.safety.SafetyLatch;
import io.upwell.engine.core.internal.safety.VentWatch;
import io.upwell.engine.core.internal.session.ActiveSession;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine-wide safe state and the way back from it: the emergency stop, the acknowledgement,
 * and what the control loop and the watchdog report (a late, failing or stopped loop, a silent
 * device, a vented channel that reads what it must not). Every path here latches and vents first
 * and tells people after; nothing here ever applies vacuum.
 */
final class SafetyActions implements ControlLoop.Host {
    private static final Logger LOG = LoggerFactory.getLogger(SafetyActions.class);

    private final SafetyLatch latch;
    private final DeviceRegistry devices;
    private final CurrentSession current;
    private final AlarmDesk alarms;
    private final SessionJournal journal;
    private final EngineEvents events;
    private final long watchdogTimeoutMillis;
    private ControlLoop loop;
    private Watchdog watchdog;
    private BooleanSupplier controlThreadDead = () -> false;

    SafetyActions(SafetyLatch latch, DeviceRegistry devices, CurrentSession current, AlarmDesk alarms,
            SessionJournal journal, EngineEvents events, long watchdogTimeoutMillis) {
        this.latch = latch;
        this.devices = devices;
        this.current = current;
        this.alarms = alarms;
        this.journal = journal;
        this.events = events;
        this.watchdogTimeoutMillis = watchdogTimeoutMillis;
    }

    /** The loop and watchdog whose health decides whether the latch may be cleared. */
    void watch(ControlLoop loop, Watchdog watchdog) {
        this.loop = loop;
        this.watchdog = watchdog;
    }

    void watchControlThread(BooleanSupplier dead) {
        this.controlThreadDead = dead;
    }

    /** SR-13: vents every channel of every device at once and latches; idempotent, from any thread. */
    void emergencyStop(String source) {
        boolean first = latch.latch(SafetyLatch.Cause.EMERGENCY_STOP); // first: every link reads vent from here
        ventEverything(); // pressed again: idempotent, but never less safe
        if (first) {
            raiseAndAbort(AlarmCondition.EMERGENCY_STOP, "emergency stop by " + source + ": every channel vented",
                    SafetyLatch.Cause.EMERGENCY_STOP);
        }
    }

    /**
     * Acknowledges every alarm and clears every cause of the latch in one step, unless the control
     * loop cannot be trusted.
     */
    void acknowledge(String operator) throws SessionException {
        requireOperator(operator);
        String loopProblem = loopProblem();
        if (loopProblem != null) {
            throw new SessionException(loopProblem + "; every channel stays vented and the latch stays set until"
                    + " the loop ticks again (restart the engine)");
        }
        // every cause at once, and every alarm with it: nothing lands in between
        Set<SafetyLatch.Cause> was = alarms.acknowledgeAll(operator, latch::acknowledge);
        if (watchdog.loopStopped()) { // the loop died while we cleared: it stays latched
            latch.latch(SafetyLatch.Cause.LOOP_STOPPED);
            throw new SessionException("the control loop stopped ticking during the acknowledgement; it is"
                    + " latched again");
        }
        latchCleared(operator, was, null);
    }

    /**
     * Acknowledges one alarm; the latch is cleared when it was the last latching alarm waiting, no
     * alarm was latched since, and the control loop can be trusted.
     */
    AlarmStatus acknowledge(String operator, String alarmId) throws SessionException {
        requireOperator(operator);
        if (alarmId == null || alarmId.isBlank()) {
            throw new IllegalArgumentException("acknowledge: the alarm's id is needed");
        }
        AlarmDesk.Acknowledgement done = alarms.acknowledgeOne(operator, alarmId,
                generation -> loopProblem() == null ? latch.acknowledgeIf(generation) : null);
        if (done.latchCleared() != null) {
            if (watchdog.loopStopped()) {
                latch.latch(SafetyLatch.Cause.LOOP_STOPPED);
                throw new SessionException("the control loop stopped ticking during the acknowledgement; it is"
                        + " latched again");
            }
            latchCleared(operator, done.latchCleared(), alarmId);
        } else {
            journal.eventOfSession(sessionIdOrNull(), "acknowledge", Map.of("operator", operator, "alarm", alarmId,
                    "latchCleared", false, "stillLatched", latch.causes().toString()));
        }
        return done.status();
    }

    private void latchCleared(String operator, Set<SafetyLatch.Cause> was, String alarmId) {
        devices.acknowledged(operator);
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("operator", operator);
        if (alarmId != null) {
            fields.put("alarm", alarmId);
        }
        fields.put("wasLatched", !was.isEmpty());
        fields.put("causes", was.toString());
        journal.eventOfSession(sessionIdOrNull(), "acknowledge", fields);
        LOG.info("acknowledged by {} (latched: {})", operator, was);
    }

    private String sessionIdOrNull() {
        ActiveSession session = current.get();
        return session != null ? session.id() : null;
    }

    private static void requireOperator(String operator) {
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("acknowledge: the operator's name is needed for the journal");
        }
    }

    /** Why the control loop cannot be trusted now, or null while it ticks normally. */
    String loopProblem() {
        if (watchdog.loopStopped()
                || latch.isLatched(SafetyLatch.Cause.LOOP_STOPPED) && controlThreadDead.getAsBoolean()) {
            return "the control loop is not ticking";
        }
        if (loop.failing()) {
            return "the control loop's ticks are failing";
        }
        return null;
    }

    // ---------------------------------------------------------------- control loop host

    @Override
    public DeviceSlot[] slots() {
        return devices.slots();
    }

    @Override
    public ActiveSession session() {
        return current.get();
    }

    @Override
    public void deviceSilent(DeviceSlot slot, long silentNanos) {
        devices.deviceSilent(slot, silentNanos);
    }

    @Override
    public void deviceHeard(DeviceSlot slot) {
        devices.deviceHeard(slot);
    }

    @Override
    public void loopLate(int consecutiveLateTicks, long latenessNanos) {
        latch.latch(SafetyLatch.Cause.FAULT);
        ventEverything();
        alarms.faultOrRaise(AlarmCondition.LOOP_LATE, "", -1, consecutiveLateTicks + " control ticks in a row ran"
                + " late (last by " + latenessNanos / 1_000_000 + " ms); every channel vented");
    }

    @Override
    public void loopFailed(Throwable failure) {
        latch.latch(SafetyLatch.Cause.FAULT);
        ventEverything();
        events.run(() -> LOG.error("a control tick failed; every channel vented", failure));
        raiseAndAbort(AlarmCondition.LOOP_LATE,
                "a control tick failed (" + Failures.describe(failure) + "); every channel vented",
                SafetyLatch.Cause.FAULT);
    }

    @Override
    public boolean latched() {
        return latch.isSet();
    }

    @Override
    public void idleChannelFault(DeviceSlot slot, int channel, VentWatch.Verdict verdict, String detail) {
        slot.forceVent(channel);
        AlarmCondition condition = switch (verdict) {
            case OVER_VACUUM -> AlarmCondition.OVER_VACUUM;
            case NOT_RELEASED -> AlarmCondition.VACUUM_NOT_RELEASED;
            default -> AlarmCondition.SENSOR_FAULT;
        };
        alarms.faultOrRaise(condition, slot.id(), channel,
                "device " + slot.id() + " channel " + channel + " (no cup of a session): " + detail + "; vented");
        devices.fault(slot, condition.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " on channel " + channel);
    }

    // ---------------------------------------------------------------- watchdog

    /** The watchdog found the control loop stopped: vent everything from the watchdog's thread. */
    void loopStopped() {
        boolean first = latch.latch(SafetyLatch.Cause.LOOP_STOPPED);
        ventEverything();
        if (first) {
            raiseAndAbort(AlarmCondition.LOOP_LATE, "the control loop stopped ticking for more than "
                    + watchdogTimeoutMillis + " ms; every channel vented by the watchdog", SafetyLatch.Cause.LOOP_STOPPED);
        }
    }

    /** Every watchdog check while the loop stays stopped: it stays latched and vented, whatever happened meanwhile. */
    void loopStillStopped() {
        latch.latch(SafetyLatch.Cause.LOOP_STOPPED);
        ventEverything();
    }

    /** The control thread is dying: latch and vent now rather than wait for the watchdog. */
    void controlThreadDied(Throwable death) {
        latch.latch(SafetyLatch.Cause.LOOP_STOPPED);
        ventEverything();
        raiseAndAbort(AlarmCondition.LOOP_LATE, "the control thread died (" + Failures.describe(death)
                + "); every channel vented", SafetyLatch.Cause.LOOP_STOPPED);
    }

    // ---------------------------------------------------------------- the safe state

    /** Force-vents every channel of every device at once, from the caller's thread. */
    void ventEverything() {
        for (DeviceSlot slot : devices.slots()) {
            slot.forceVentAll();
        }
    }

    /**
     * After the engine-wide safe state is reached (latched and every channel vented): raises a high
     * alarm, with the live session if there is one, and aborts that session.
     */
    private void raiseAndAbort(AlarmCondition condition, String message, SafetyLatch.Cause cause) {
        ActiveSession live = current.live();
        alarms.raiseLatched(live, AlarmPriority.HIGH, condition, message, cause);
        if (live != null) {
            live.abort(message);
        }
    }
}
