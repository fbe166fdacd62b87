package io.upwell.api.safety;

import java.time.Instant;
import java.util.Objects;

/**
 * A raised alarm. Its lifecycle (raised, acknowledged, cleared) is in {@link AlarmStatus}.
 *
 * @param id        unique on this machine, stable for the alarm's life: what an acknowledgement names
 * @param priority  how urgently someone must act
 * @param condition what happened
 * @param deviceId  the device concerned, or empty when the alarm concerns the engine as a whole
 * @param channel   the channel concerned, or -1 for a whole device or the engine
 * @param time      when it was raised (wall clock, for people and the journal)
 * @param message   one sentence for the operator that names what happened and where
 * @param latching  true for a fault or an emergency stop: nothing applies vacuum again until it is
 *                  acknowledged; false for a notice that needs no acknowledgement to go on
 */
public record Alarm(String id, AlarmPriority priority, AlarmCondition condition, String deviceId, int channel,
        Instant time, String message, boolean latching) {

    public Alarm {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("alarm: id must not be blank");
        }
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(message, "message");
        deviceId = deviceId == null ? "" : deviceId;
    }

    @Override
    public String toString() {
        String where = deviceId.isEmpty() ? "engine" : channel < 0 ? deviceId : deviceId + "#" + channel;
        return priority + " " + condition + " (" + condition.requirement() + ") at " + where + ": " + message + " ["
                + id + "]";
    }
}
