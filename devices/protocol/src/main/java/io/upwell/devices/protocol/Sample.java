package io.upwell.devices.protocol;

import io.upwell.devices.protocol.internal.Checks;

import java.util.Arrays;

/**
 * One measurement of every channel, sent at the rate the device declared. Readings are signed: a
 * sensor that reads a little above ambient reports a small negative vacuum truthfully, and the engine
 * judges it, rather than the device hiding a drifting sensor behind zero.
 *
 * @param readings each channel's vacuum below ambient in hundredths of a kPa, -32767 to 32767, in
 *                 channel order (1 to 255 of them), or {@link #NO_READING} for a channel whose sensor
 *                 gave nothing. The array is copied in and out; {@link #reading(int)} reads without a copy.
 */
public record Sample(int[] readings) implements DeviceMessage {

    /** A channel whose sensor gave no reading: the host takes it as a sensor fault (not a number). */
    public static final int NO_READING = Short.MIN_VALUE;

    public Sample {
        if (readings == null) {
            throw new IllegalArgumentException("readings must not be null");
        }
        readings = readings.clone();
        Checks.range("channel count", readings.length, 1, Protocol.MAX_CHANNELS);
        for (int reading : readings) {
            Checks.range("reading", reading, Short.MIN_VALUE, Short.MAX_VALUE);
        }
    }

    @Override
    public int[] readings() {
        return readings.clone();
    }

    /** How many channels the sample covers. */
    public int channelCount() {
        return readings.length;
    }

    /** One channel's reading in hundredths of a kPa, or {@link #NO_READING}. */
    public int reading(int channel) {
        return readings[channel];
    }

    /** One channel's reading in kPa below ambient; NaN for {@link #NO_READING}. */
    public double kpa(int channel) {
        int reading = readings[channel];
        return reading == NO_READING ? Double.NaN : Vacuum.kpa(reading);
    }

    @Override
    public MessageType type() {
        return MessageType.SAMPLE;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sample sample && Arrays.equals(readings, sample.readings);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(readings);
    }

    @Override
    public String toString() {
        return "Sample" + Arrays.toString(readings);
    }
}
