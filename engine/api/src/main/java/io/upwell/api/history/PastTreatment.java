package io.upwell.api.history;

import io.upwell.api.body.BodySite;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One site of one past session.
 *
 * @param sessionId the session
 * @param deviceId  the device its cup was on
 * @param site      where the cup sat; its label does not matter to the rules, only region and side
 * @param started   when the session started
 * @param ended     when it ended (for a session cut short by a crash, its last record)
 * @param exposure  how long the program ran on the site, pauses excluded; not negative
 */
public record PastTreatment(String sessionId, String deviceId, BodySite site, Instant started, Instant ended,
        Duration exposure) {

    public PastTreatment {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(ended, "ended");
        Objects.requireNonNull(exposure, "exposure");
        if (exposure.isNegative()) {
            throw new IllegalArgumentException("past treatment " + sessionId + ": exposure must not be negative, got "
                    + exposure);
        }
    }

    /** True when a cup at {@code other} sits where this one did: same region and side. */
    public boolean sameSite(BodySite other) {
        return site.region() == other.region() && site.side() == other.side();
    }
}
