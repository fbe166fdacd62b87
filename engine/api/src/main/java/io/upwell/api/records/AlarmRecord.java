package io.upwell.api.records;

/**
 * An alarm a session raised, with what became of it.
 *
 * @param raisedAt       ISO-8601 instant it was raised
 * @param priority       {@code HIGH}, {@code MEDIUM} or {@code LOW}
 * @param condition      what happened (an {@code AlarmCondition} name)
 * @param requirement    the safety requirement behind it ({@code SR-..}), or empty
 * @param deviceId       the device concerned; empty for the engine as a whole
 * @param channel        the channel concerned; -1 for a whole device or the engine
 * @param message        the sentence the operator saw
 * @param latched        whether it latched the engine until acknowledged
 * @param acknowledgedAt ISO-8601 instant of the first acknowledgement after it; null when none came
 *                       before the session's record closed
 * @param acknowledgedBy who acknowledged; null when nobody did
 */
public record AlarmRecord(String raisedAt, String priority, String condition, String requirement, String deviceId,
        int channel, String message, boolean latched, String acknowledgedAt, String acknowledgedBy) {

    public AlarmRecord {
        raisedAt = Times.checked("alarm: raisedAt", raisedAt, true);
        acknowledgedAt = Times.checked("alarm: acknowledgedAt", acknowledgedAt, false);
        requirement = requirement == null ? "" : requirement;
        deviceId = deviceId == null ? "" : deviceId;
        message = message == null ? "" : message;
    }
}
