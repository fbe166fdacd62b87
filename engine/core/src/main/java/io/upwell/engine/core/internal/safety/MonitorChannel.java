package io.upwell.engine.core.internal.safety;

import io.upwell.api.safety.HardLimits;

/**
 * Watches one cup's measured vacuum regardless of what was commanded: the independent second
 * layer behind the envelope. Runs on the control thread without allocating.
 */
public final class MonitorChannel {

    public enum Verdict {
        OK,
        /** SR-02: measured vacuum above the limit plus margin for longer than the delay. */
        OVER_VACUUM,
        /** SR-06: the cup cannot reach its command for longer than the leak delay. */
        LEAK,
        /** SR-07: NaN, outside physical range, or frozen while commands move. */
        SENSOR_FAULT
    }

    /** Below this a gauge reading is physically implausible (a cup cannot push). */
    static final double MIN_PLAUSIBLE_KPA = -10.0;
    /** Above this a gauge reading is physically impossible (ambient is about 101 kPa). */
    static final double MAX_PLAUSIBLE_KPA = 101.0;
    /** A command change this large while the reading stands still means the sensor does not follow. */
    static final double FROZEN_COMMAND_CHANGE_KPA = 2.0;
    /** A reading unchanged this many times the frozen time while vacuum is applied is frozen whatever the command. */
    static final int FROZEN_HOLD_FACTOR = 5;
    /** Vacuum below this is not "applied" for the leak and frozen checks. */
    static final double ACTIVE_KPA = 1.0;

    private final double overLimitKpa;
    private final long overDelayNanos;
    private final double leakThresholdKpa;
    private final long leakDelayNanos;
    private final long frozenNanos;

    /* Flags rather than a negative "unset" time: the engine clock's origin is arbitrary, and a
       System.nanoTime based clock may well read negative. */
    private boolean over;
    private long overSince;
    private boolean leaking;
    private long leakSince;
    /* NaN until the first sample: NaN equals nothing, so the first reading always counts as a change. */
    private double lastReading = Double.NaN;
    private long lastChange;
    private double commandAtLastChange;
    private String detail = "";

    public MonitorChannel(double limitKpa, double leakThresholdKpa, long leakDelayNanos, long frozenNanos) {
        this.overLimitKpa = limitKpa + HardLimits.OVER_VACUUM_MARGIN_KPA;
        this.overDelayNanos = HardLimits.OVER_VACUUM_DELAY_MILLIS * 1_000_000L;
        this.leakThresholdKpa = leakThresholdKpa;
        this.leakDelayNanos = leakDelayNanos;
        this.frozenNanos = frozenNanos;
    }

    /**
     * Judges the latest reading.
     *
     * @param measuredKpa  the latest sample (NaN if the device has sent none yet, then {@code hasSample} is false)
     * @param hasSample    whether any sample has arrived
     * @param commandedKpa what the envelope commands now (0 when vented)
     * @param now          engine clock
     */
    public Verdict check(double measuredKpa, boolean hasSample, double commandedKpa, long now) {
        if (!hasSample) {
            return Verdict.OK; // silence is the device-level check's business (SR-08)
        }
        if (Double.isNaN(measuredKpa) || measuredKpa < MIN_PLAUSIBLE_KPA || measuredKpa > MAX_PLAUSIBLE_KPA) {
            detail = "reading " + measuredKpa + " kPa is not physically possible";
            return Verdict.SENSOR_FAULT;
        }
        if (measuredKpa > overLimitKpa) {
            if (!over) {
                over = true;
                overSince = now;
            } else if (now - overSince > overDelayNanos) {
                detail = String.format(java.util.Locale.ROOT, "measured %.1f kPa, limit %.1f kPa plus %.1f kPa margin",
                        measuredKpa, overLimitKpa - HardLimits.OVER_VACUUM_MARGIN_KPA, HardLimits.OVER_VACUUM_MARGIN_KPA);
                return Verdict.OVER_VACUUM;
            }
        } else {
            over = false;
        }
        if (measuredKpa != lastReading) {
            lastReading = measuredKpa;
            lastChange = now;
            commandAtLastChange = commandedKpa;
        } else if (commandedKpa > ACTIVE_KPA || commandAtLastChange > ACTIVE_KPA) {
            long still = now - lastChange;
            boolean commandMoved = Math.abs(commandedKpa - commandAtLastChange) > FROZEN_COMMAND_CHANGE_KPA;
            if ((commandMoved && still > frozenNanos) || still > FROZEN_HOLD_FACTOR * frozenNanos) {
                detail = String.format(java.util.Locale.ROOT, "reading frozen at %.2f kPa for %d ms while commanded %.1f kPa",
                        measuredKpa, still / 1_000_000, commandedKpa);
                return Verdict.SENSOR_FAULT;
            }
        }
        if (commandedKpa > ACTIVE_KPA && commandedKpa - measuredKpa > leakThresholdKpa) {
            if (!leaking) {
                leaking = true;
                leakSince = now;
            } else if (now - leakSince > leakDelayNanos) {
                detail = String.format(java.util.Locale.ROOT, "measured %.1f kPa against %.1f kPa commanded for %d s",
                        measuredKpa, commandedKpa, (now - leakSince) / 1_000_000_000L);
                return Verdict.LEAK;
            }
        } else {
            leaking = false;
        }
        return Verdict.OK;
    }

    /** Why the last verdict other than OK was given, for the alarm's message. */
    public String detail() {
        return detail;
    }
}
