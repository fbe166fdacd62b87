package io.upwell.api.safety;

/** Limits no configuration, device, technique or therapist can raise. */
public final class HardLimits {

    /** No command to any device exceeds this vacuum (SR-01). */
    public static final double MAX_VACUUM_KPA = 80.0;

    /** Measured vacuum may exceed the channel's limit by at most this much (20 mmHg) ... (SR-02) */
    public static final double OVER_VACUUM_MARGIN_KPA = 2.7;

    /** ... for at most this long before the channel is vented (SR-02). */
    public static final long OVER_VACUUM_DELAY_MILLIS = 200;

    /** No session outlives this, whatever it is configured to (SR-05). */
    public static final long MAX_SESSION_MINUTES = 120;

    /** The fastest rise any configuration may allow (SR-03). */
    public static final double MAX_RISE_KPA_PER_SECOND = 20.0;

    /** The most tracking error any program may declare as tolerable before it is a leak (SR-06). */
    public static final double MAX_LEAK_TOLERANCE_KPA = 15.0;

    private HardLimits() {
    }
}
