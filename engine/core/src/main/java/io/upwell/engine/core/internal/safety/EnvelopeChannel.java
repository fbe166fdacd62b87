package io.upwell.engine.core.internal.safety;

/**
 * The envelope for one cup: what a technique asks for becomes what a device is told, on the
 * control thread, without allocating.
 * <ul>
 *   <li>SR-01: a request above the cup's limit is clamped to it; each new clamp episode is reported once.</li>
 *   <li>SR-03: the command rises no faster than the rise limit; it may fall at once.</li>
 *   <li>SR-04: continuous vacuum above the dwell threshold for the dwell limit ends the cup's therapy with
 *       a ramp-out; it does not come back in this session. Continuous as a therapist means it: the cup
 *       is still working the site through a dip below the threshold that is shorter than the recovery
 *       time, so such a dip neither resets the dwell nor stops it counting; only a release at or below
 *       the threshold lasting the recovery time starts the dwell over.</li>
 *   <li>Ramp-out (session end, SR-05, SR-04): the command falls at the ramp-out rate to ambient.</li>
 * </ul>
 */
public final class EnvelopeChannel {
    /**
     * How long the command must stay at or below the dwell threshold before the tissue counts as
     * recovered and the dwell starts over: 5 s. Judgement, from DOMAIN.md: interval vacuum therapy,
     * a device class designed around alternating suction with release so that tissue reperfuses,
     * uses 5 to 10 s at atmosphere between its suction phases, so 5 s is the shortest release a
     * therapy relies on for recovery; and it is above the normal capillary refill time (at most 2 s,
     * up to 3 s in older adults), the clinical sign that blood has returned to blanched tissue.
     * Pulsing and flash techniques release for well under that, so they keep counting.
     */
    public static final long DEFAULT_DWELL_RECOVERY_NANOS = 5_000_000_000L;

    private final double limitKpa;
    private final double risePerNano;
    private final double rampOutPerNano;
    private final long dwellLimitNanos;
    private final double dwellThresholdKpa;
    private final long dwellRecoveryNanos;

    private double command;
    /* Flags rather than a negative "unset" time: the engine clock's origin is arbitrary, and a
       System.nanoTime based clock may well read negative. */
    /** Vacuum has been above the dwell threshold at this site since {@code dwellSince}, dips included. */
    private boolean dwelling;
    private long dwellSince;
    private boolean released;
    private long releasedSince;
    private long lastStepAt;
    private boolean clamping;
    private boolean dwellExpired;
    private boolean clampStarted;
    private boolean dwellExpiredNow;

    /** An envelope whose dwell recovery time is {@link #DEFAULT_DWELL_RECOVERY_NANOS}. */
    public EnvelopeChannel(double limitKpa, double riseKpaPerSecond, double rampOutKpaPerSecond, long dwellLimitNanos,
            double dwellThresholdKpa) {
        this(limitKpa, riseKpaPerSecond, rampOutKpaPerSecond, dwellLimitNanos, dwellThresholdKpa,
                DEFAULT_DWELL_RECOVERY_NANOS);
    }

    /**
     * @param dwellRecoveryNanos how long a release at or below the dwell threshold must last to start
     *                           the dwell over (SR-04); shorter dips count as continuous vacuum
     */
    public EnvelopeChannel(double limitKpa, double riseKpaPerSecond, double rampOutKpaPerSecond, long dwellLimitNanos,
            double dwellThresholdKpa, long dwellRecoveryNanos) {
        if (dwellRecoveryNanos < 0) {
            throw new IllegalArgumentException("dwell recovery time must not be negative, got " + dwellRecoveryNanos + " ns");
        }
        this.dwellRecoveryNanos = dwellRecoveryNanos;
        this.limitKpa = limitKpa;
        this.risePerNano = riseKpaPerSecond / 1e9;
        this.rampOutPerNano = rampOutKpaPerSecond / 1e9;
        this.dwellLimitNanos = dwellLimitNanos;
        this.dwellThresholdKpa = dwellThresholdKpa;
    }

    /**
     * One tick: returns the command for a request.
     *
     * @param requestedKpa what the program asks for now (NaN or negative counts as ambient)
     * @param rampOut      true while the session ramps out
     * @param now          engine clock
     * @param dtNanos      time since the previous tick
     */
    public double step(double requestedKpa, boolean rampOut, long now, long dtNanos) {
        clampStarted = false;
        dwellExpiredNow = false;
        lastStepAt = now;
        double requested = requestedKpa > 0 ? requestedKpa : 0.0; // also maps NaN to ambient
        if (rampOut || dwellExpired) {
            command = Math.max(0.0, command - rampOutPerNano * dtNanos);
            trackDwell(now);
            return command;
        }
        if (requested > limitKpa) {
            if (!clamping) {
                clampStarted = true;
            }
            clamping = true;
            requested = limitKpa;
        } else {
            clamping = false;
        }
        if (requested > command) {
            command = Math.min(requested, command + risePerNano * dtNanos);
        } else {
            command = requested;
        }
        trackDwell(now);
        return command;
    }

    private void trackDwell(long now) {
        if (command > dwellThresholdKpa) {
            if (!dwelling || released && now - releasedSince >= dwellRecoveryNanos) {
                dwelling = true; // first vacuum at this site, or the first after a release long enough to recover
                dwellSince = now;
            }
            released = false;
            if (!dwellExpired && now - dwellSince >= dwellLimitNanos) {
                dwellExpired = true;
                dwellExpiredNow = true;
            }
        } else if (dwelling) {
            startRelease(now); // whether it lasts the recovery time is judged when vacuum comes back
        }
    }

    private void startRelease(long at) {
        if (!released) {
            released = true;
            releasedSince = at;
        }
    }

    /**
     * The channel was vented: vacuum is gone, so the next rise starts from ambient. The release
     * counts from the last tick that stepped this envelope, and the dwell starts over only once it
     * has lasted the recovery time: a pause resumed within it does not reset the dwell (SR-04).
     */
    public void vented() {
        command = 0.0;
        clamping = false;
        if (dwelling) { // dwelling implies a step has set lastStepAt
            startRelease(lastStepAt);
        }
    }

    public double command() {
        return command;
    }

    public double limitKpa() {
        return limitKpa;
    }

    /** True on the tick a request first went above the limit (SR-01 alarm). */
    public boolean clampStarted() {
        return clampStarted;
    }

    /** True on the tick the dwell limit was reached (SR-04 alarm). */
    public boolean dwellExpiredNow() {
        return dwellExpiredNow;
    }

    public boolean dwellExpired() {
        return dwellExpired;
    }
}
