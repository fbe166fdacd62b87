package io.upwell.devices.protocol;

import io.upwell.devices.protocol.internal.Checks;

/**
 * Set a cup's magnet. An on/off magnet is on at any level above 0; a level magnet follows the level.
 *
 * @param channel the channel, 0 to 254
 * @param level   0 (off) to 255 (full strength)
 */
public record Magnet(int channel, int level) implements HostMessage {

    /** The full-strength level. */
    public static final int FULL = 0xFF;

    public Magnet {
        Checks.channel(channel);
        Checks.u8("level", level);
    }

    /** The magnet for a level from 0 to 1 (the engine's scale), rounded to the nearest step. */
    public static Magnet of(int channel, double level) {
        double clamped = Double.isNaN(level) ? 0 : Math.max(0, Math.min(1, level));
        return new Magnet(channel, (int) Math.round(clamped * FULL));
    }

    /** The level on the engine's scale, 0 to 1. */
    public double fraction() {
        return level / (double) FULL;
    }

    @Override
    public MessageType type() {
        return MessageType.MAGNET;
    }
}
