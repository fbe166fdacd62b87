package io.upwell.engine.core.internal.safety;

import io.upwell.api.safety.HardLimits;
import java.util.Locale;

/**
 * Watches one device channel while it is vented: no session owns it, a session paused or ended,
 * an emergency stop or a fault vented it. The monitor of a running session stops watching there,
 * so without this a device that keeps pulling on a cup after therapy ended would go unnoticed.
 * Runs on the control thread without allocating (the detail text is built only when a verdict is
 * given, once per episode).
 * <ul>
 *   <li>SR-07: a reading that is not a number or outside the physical range is a sensor fault at once;</li>
 *   <li>SR-02: a reading above the channel's limit plus the margin for longer than the delay is over-vacuum;</li>
 *   <li>SR-07: vacuum above {@link #RESIDUAL_KPA} held for longer than {@link #RELEASE_GRACE_NANOS}
 *       on a vented channel is pressure that does not follow its command.</li>
 * </ul>
 * Each verdict is given once per episode: the watch stays quiet until the reading is normal again
 * or {@link #rearm()} is called (after the operator acknowledged, so a condition that persists is
 * raised again rather than forgotten).
 */
public final class VentWatch {

    public enum Verdict {
        OK,
        SENSOR_FAULT,
        OVER_VACUUM,
        /** Vacuum held on a channel commanded to vent: a stuck valve, a blocked line or a lying sensor. */
        NOT_RELEASED
    }

    /**
     * Vacuum below this on a vented channel is what is left of a release, not vacuum held: about
     * what a loosely seated empty cup reads (judgement; the dwell threshold uses the same figure).
     */
    public static final double RESIDUAL_KPA = 5.0;

    /**
     * How long a vented cup may take to fall below {@link #RESIDUAL_KPA}: a vent valve releases a
     * cup within a fraction of a second; two seconds leaves room for a slow valve and soft tissue
     * (judgement).
     */
    public static final long RELEASE_GRACE_NANOS = 2_000_000_000L;

    private final double overLimitKpa;
    private final long overDelayNanos = HardLimits.OVER_VACUUM_DELAY_MILLIS * 1_000_000L;

    private long overSince = -1;
    private long heldSince = -1;
    private Verdict reported = Verdict.OK;
    private volatile boolean rearmRequested;
    private String detail = "";

    /** @param limitKpa the channel's own limit: the lowest of the hard limit, the device's and the channel's */
    public VentWatch(double limitKpa) {
        this.overLimitKpa = limitKpa + HardLimits.OVER_VACUUM_MARGIN_KPA;
    }

    /** Judges a reading of an idle channel: every rule. */
    public Verdict check(double measuredKpa, boolean hasSample, long now) {
        if (!hasSample) {
            return Verdict.OK; // silence is the device-level check's business (SR-08)
        }
        Verdict raw;
        if (Double.isNaN(measuredKpa) || measuredKpa < MonitorChannel.MIN_PLAUSIBLE_KPA
                || measuredKpa > MonitorChannel.MAX_PLAUSIBLE_KPA) {
            raw = Verdict.SENSOR_FAULT;
        } else {
            raw = overVacuum(measuredKpa, now);
            if (raw == Verdict.OK) {
                raw = held(measuredKpa, now);
            }
        }
        return settle(raw, measuredKpa, now);
    }

    /**
     * Judges only whether a vented channel holds vacuum; for channels a session owns, whose other
     * checks its own monitor makes.
     */
    public Verdict checkHeld(double measuredKpa, boolean hasSample, long now) {
        if (!hasSample) {
            heldSince = -1;
            return Verdict.OK;
        }
        return settle(held(measuredKpa, now), measuredKpa, now);
    }

    private Verdict overVacuum(double measuredKpa, long now) {
        if (!(measuredKpa > overLimitKpa)) {
            overSince = -1;
            return Verdict.OK;
        }
        if (overSince < 0) {
            overSince = now;
            return Verdict.OK;
        }
        return now - overSince > overDelayNanos ? Verdict.OVER_VACUUM : Verdict.OK;
    }

    private Verdict held(double measuredKpa, long now) {
        if (!(measuredKpa > RESIDUAL_KPA)) {
            heldSince = -1;
            return Verdict.OK;
        }
        if (heldSince < 0) {
            heldSince = now;
            return Verdict.OK;
        }
        return now - heldSince > RELEASE_GRACE_NANOS ? Verdict.NOT_RELEASED : Verdict.OK;
    }

    /** Tells each episode once: quiet while the verdict repeats, re-armed once the reading is released. */
    private Verdict settle(Verdict raw, double measuredKpa, long now) {
        if (rearmRequested) {
            rearmRequested = false;
            reported = Verdict.OK;
        }
        if (raw == Verdict.OK) {
            if (!(measuredKpa > RESIDUAL_KPA) && !Double.isNaN(measuredKpa)) {
                reported = Verdict.OK;
            }
            return Verdict.OK;
        }
        if (raw == reported) {
            return Verdict.OK;
        }
        reported = raw;
        detail = describe(raw, measuredKpa, now);
        return raw;
    }

    /** The channel is applying vacuum (a session drives it): nothing is held against a vent. */
    public void applying() {
        heldSince = -1;
        overSince = -1;
        reported = Verdict.OK;
    }

    /** After an acknowledgement, from any thread: a condition that persists is told again. */
    public void rearm() {
        rearmRequested = true;
    }

    /** Why the last verdict other than OK was given. */
    public String detail() {
        return detail;
    }

    private String describe(Verdict verdict, double measuredKpa, long now) {
        return switch (verdict) {
            case SENSOR_FAULT -> "reading " + measuredKpa + " kPa is not physically possible";
            case OVER_VACUUM -> String.format(Locale.ROOT, "measured %.1f kPa on a vented channel, limit %.1f kPa"
                    + " plus %.1f kPa margin", measuredKpa, overLimitKpa - HardLimits.OVER_VACUUM_MARGIN_KPA,
                    HardLimits.OVER_VACUUM_MARGIN_KPA);
            case NOT_RELEASED -> String.format(Locale.ROOT, "%.1f kPa still held %d ms after the channel was"
                    + " vented", measuredKpa, (now - heldSince) / 1_000_000);
            default -> "";
        };
    }
}
