package io.upwell.api.safety;

import java.time.Instant;
import java.util.Objects;

/**
 * An alarm and where it is in its life.
 *
 * @param alarm          the alarm as raised
 * @param sessionId      the session it was raised in, or empty for an alarm of the engine
 * @param state          raised, acknowledged or cleared
 * @param acknowledgedBy who acknowledged it; empty until then
 * @param acknowledgedAt when; null until then
 * @param clearedAt      when it was cleared; null until then
 */
public record AlarmStatus(Alarm alarm, String sessionId, AlarmState state, String acknowledgedBy,
        Instant acknowledgedAt, Instant clearedAt) {

    public AlarmStatus {
        Objects.requireNonNull(alarm, "alarm");
        Objects.requireNonNull(state, "state");
        sessionId = sessionId == null ? "" : sessionId;
        acknowledgedBy = acknowledgedBy == null ? "" : acknowledgedBy;
    }

    /** The alarm's id. */
    public String id() {
        return alarm.id();
    }

    /** True until the alarm is cleared. */
    public boolean active() {
        return state != AlarmState.CLEARED;
    }
}
