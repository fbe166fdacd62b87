package io.upwell.api.session;

import io.upwell.api.body.BodySite;
import java.util.Objects;

/**
 * One cup of a session: which device channel drives it and where it sits.
 *
 * @param deviceId the device's id
 * @param channel  the channel on that device
 * @param site     the body site
 */
public record Placement(String deviceId, int channel, BodySite site) {
    public Placement {
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("placement: device id must not be blank");
        }
        if (channel < 0) {
            throw new IllegalArgumentException("placement on " + deviceId + ": channel must be >= 0, got " + channel);
        }
        Objects.requireNonNull(site, "site");
    }
}
