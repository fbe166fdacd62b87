package io.upwell.engine.core.internal.safety;

/**
 * The envelope for one cup: what a technique asks for becomes what a device is told, on the
 * control thread, without allocating.
 * <ul>
 *   <li>SR-01: a request above the cup's limit is clamped to it; each new clamp episode is reported once.</li>
 *   <li>SR-03: the command rises no faster than the rise limit; it may fall at once.</li>
 *   <li>SR-04: continuous vacuum above the dwell threshold for the dwell limit ends the cup's therapy with
 *       a ramp-out; it does not come back in this session.</li>
 *   <li>Ramp-out (session end, SR-05, SR-04): the command falls at the ramp-out rate to ambient.</li>
 * </ul>
 */
public final class EnvelopeChannel {
    private final double limitKpa;
    private final double risePerNano;
    private final double rampOutPerNano;
    private final long dwellLimitNanos;
    private final double dwellThresholdKpa;

    private double command;
    private long aboveSince = -1;
    private boolean clamping;
    private boolean dwellExpired;
    private boolean clampStarted;
    private boolean dwellExpiredNow;

    public EnvelopeChannel(double limitKpa, double riseKpaPerSecond, double rampOutKpaPerSecond, long dwellLimitNanos,
            double dwellThresholdKpa) {
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
            if (aboveSince < 0) {
                aboveSince = now;
            } else if (!dwellExpired && now - aboveSince >= dwellLimitNanos) {
                dwellExpired = true;
                dwellExpiredNow = true;
            }
        } else {
            aboveSince = -1;
        }
    }

    /** The channel was vented: vacuum is gone, so the next rise starts from ambient and dwell starts over. */
    public void vented() {
        command = 0.0;
        aboveSince = -1;
        clamping = false;
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
