package io.upwell.api.session;

import io.upwell.api.body.BodySite;
import io.upwell.api.technique.ParameterValue;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One cup of a session: which device channel drives it, where it sits, its place in a chain of
 * cups, and the parameter values set for it alone.
 *
 * @param deviceId  the device's id
 * @param channel   the channel on that device
 * @param site      the body site
 * @param zone      the cup's place in a chain (lymphatic zones, a row of cups), 0 nearest the trunk and
 *                  rising outwards; empty for a cup in no chain
 * @param overrides values of per-cup parameters for this cup alone; the core checks each against the
 *                  technique's declaration
 */
public record Placement(String deviceId, int channel, BodySite site, OptionalInt zone,
        Map<String, ParameterValue> overrides) {

    /** The highest zone number a chain may use. */
    public static final int MAX_ZONE = 255;

    public Placement {
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("placement: device id must not be blank");
        }
        if (channel < 0) {
            throw new IllegalArgumentException("placement on " + deviceId + ": channel must be >= 0, got " + channel);
        }
        Objects.requireNonNull(site, "site");
        zone = zone == null ? OptionalInt.empty() : zone;
        if (zone.isPresent() && (zone.getAsInt() < 0 || zone.getAsInt() > MAX_ZONE)) {
            throw new IllegalArgumentException("placement on " + deviceId + " channel " + channel + ": zone must be 0 to "
                    + MAX_ZONE + ", got " + zone.getAsInt());
        }
        Objects.requireNonNull(overrides, "overrides");
        if (overrides.size() > SessionRequest.MAX_PARAMETERS) {
            throw new IllegalArgumentException("placement on " + deviceId + " channel " + channel + ": at most "
                    + SessionRequest.MAX_PARAMETERS + " overrides, got " + overrides.size());
        }
        overrides = Map.copyOf(overrides);
    }

    /** A cup in no chain, with no overrides. */
    public Placement(String deviceId, int channel, BodySite site) {
        this(deviceId, channel, site, OptionalInt.empty(), Map.of());
    }

    /** The same cup at a place in a chain. */
    public Placement inZone(int chainZone) {
        return new Placement(deviceId, channel, site, OptionalInt.of(chainZone), overrides);
    }

    /** The same cup with these values for it alone. */
    public Placement withOverrides(Map<String, ParameterValue> values) {
        return new Placement(deviceId, channel, site, zone, values);
    }
}
