package io.upwell.api.session;

import io.upwell.api.body.BodySite;

/**
 * One cup's live state.
 *
 * @param cup          the cup's index in the request
 * @param deviceId     the device driving it
 * @param channel      the device channel
 * @param site         where it sits
 * @param targetKpa    what the core commands now, after the envelope
 * @param measuredKpa  the latest measurement, NaN when none has arrived
 * @param peakKpa      the highest measurement so far in this session
 * @param limitKpa     the lowest limit that applies to this cup
 * @param phase        what the cup is doing: ramp, hold, pulse, wave, release, ramp-out, vent, done
 */
public record ChannelStatus(int cup, String deviceId, int channel, BodySite site, double targetKpa,
        double measuredKpa, double peakKpa, double limitKpa, String phase) {
}
