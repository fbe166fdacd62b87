package io.upwell.api.safety;

/** Every condition the engine raises an alarm for, with the safety requirement behind it. */
public enum AlarmCondition {
    /** A request above the channel's limit was clamped (SR-01). */
    REQUEST_CLAMPED("SR-01"),
    /** Measured vacuum above the channel's limit (SR-02). */
    OVER_VACUUM("SR-02"),
    /** Continuous vacuum at one site reached the dwell limit; the channel ramps out (SR-04). */
    DWELL_LIMIT("SR-04"),
    /** The session reached its planned end plus grace, or the maximum session length (SR-05). */
    SESSION_TIME_LIMIT("SR-05"),
    /** Lost seal: the channel cannot reach its target (SR-06). */
    LEAK("SR-06"),
    /** Pressure that does not follow commands, is out of physical range, NaN or frozen (SR-07). */
    SENSOR_FAULT("SR-07"),
    /** Vacuum held on a channel commanded to vent: a stuck valve, a blocked line or a lying sensor (SR-07). */
    VACUUM_NOT_RELEASED("SR-07"),
    /** No sample from a device for longer than its quiet-time (SR-08). */
    DEVICE_SILENT("SR-08"),
    /** A device was lost mid-session (SR-09). */
    DEVICE_LOST("SR-09"),
    /** The control loop ran late too often, or stopped (SR-10). */
    LOOP_LATE("SR-10"),
    /** A technique module failed or left mid-session (SR-11). */
    TECHNIQUE_FAILED("SR-11"),
    /** A driver call threw or did not return (SR-12). */
    DRIVER_FAILED("SR-12"),
    /** The journal cannot write: therapy is not being recorded; no new session starts (SR-16). */
    JOURNAL_FAILED("SR-16"),
    /** Emergency stop (SR-13). */
    EMERGENCY_STOP("SR-13");

    private final String requirement;

    AlarmCondition(String requirement) {
        this.requirement = requirement;
    }

    /** The id of the safety requirement this condition comes from, for example {@code "SR-02"}. */
    public String requirement() {
        return requirement;
    }
}
