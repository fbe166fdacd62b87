package io.upwell.devices.protocol;

import io.upwell.devices.protocol.internal.Checks;

import java.util.List;

/**
 * The device's answer to {@link Hello} in protocol version {@value Protocol#VERSION}: who it is and
 * what it can do, which is everything a driver needs for the engine's device descriptor.
 *
 * @param deviceId          the device's serial number: unique and stable, 1 to 32 bytes of UTF-8, not blank
 * @param vendor            the maker's name, up to 32 bytes of UTF-8
 * @param model             the model name, up to 32 bytes of UTF-8
 * @param maxVacuumCentiKpa the device's maximum vacuum, in hundredths of a kPa (1 to 65535)
 * @param sampleRateHz      how many SAMPLE frames a second the device sends, 1 to {@value Protocol#MAX_SAMPLE_RATE_HZ}
 * @param watchdogMillis    how long the device waits for a heartbeat or command before it vents
 *                          everything by itself, in milliseconds (1 to 65535)
 * @param channels          the channels, 1 to {@value Protocol#MAX_CHANNELS}, in channel-number order
 */
public record HelloReply(String deviceId, String vendor, String model, int maxVacuumCentiKpa, int sampleRateHz,
        int watchdogMillis, List<ChannelInfo> channels) implements DeviceMessage {

    public HelloReply {
        Checks.text("deviceId", deviceId, false);
        Checks.text("vendor", vendor, true);
        Checks.text("model", model, true);
        Checks.range("maxVacuumCentiKpa", maxVacuumCentiKpa, 1, 0xFFFF);
        Checks.range("sampleRateHz", sampleRateHz, 1, Protocol.MAX_SAMPLE_RATE_HZ);
        Checks.range("watchdogMillis", watchdogMillis, 1, 0xFFFF);
        if (channels == null) {
            throw new IllegalArgumentException("channels must not be null");
        }
        channels = List.copyOf(channels);
        Checks.range("channel count", channels.size(), 1, Protocol.MAX_CHANNELS);
    }

    /** The device's maximum in kPa. */
    public double maxVacuumKpa() {
        return Vacuum.kpa(maxVacuumCentiKpa);
    }

    @Override
    public MessageType type() {
        return MessageType.HELLO_REPLY;
    }
}
