package io.upwell.devices.intervalvacuum;

import io.upwell.api.device.CommandSet;
import io.upwell.devices.emulator.intervalvacuum.ChannelMode;
import io.upwell.devices.emulator.intervalvacuum.HoldingRegisters;
import io.upwell.devices.emulator.intervalvacuum.VacuumScaling;

/**
 * One control tick as the device's command block: holding registers {@code 0x0001 .. 0x0020+n-1},
 * written in one write-multiple that the device applies together, so it never acts on half a tick.
 * <ul>
 * <li>WATCHDOG_KICK: the low 16 bits of the tick's command sequence. The device counts a write of a
 * different value as a kick, so a driver that repeats a stale tick (the engine stopped) lets the
 * device's watchdog vent it.</li>
 * <li>PUMP_SET_POINT: the lowest target of the channels that pull, 0 when none does. One pump holds
 * one vacuum: asked for different levels at once, the group holds the lowest, the safe side (the engine
 * refuses programs that ask that; revisions of adaptive techniques are not checked that way).</li>
 * <li>VENT_ALL and FAULT_CLEAR: 0, which does nothing. The cycle never clears a latched fault.</li>
 * <li>Per channel: HOLD with its own target, or VENT with 0 for a channel told to vent (or asked for
 * nothing). The device's own INTERVAL mode is not used: the engine times every pulse itself.</li>
 * </ul>
 * Targets are capped at the channel's and the pump's maximum, which the handshake found equal to the
 * configured ones, so a value the engine's envelope already limited is never refused by the device
 * over a rounding.
 */
final class CommandBlock {
    /** The block's first register. */
    static final int ADDRESS = HoldingRegisters.WATCHDOG_KICK;

    private CommandBlock() {
    }

    /** How many registers the block has for {@code channels} channels. */
    static int quantity(int channels) {
        return HoldingRegisters.CHANNEL_SET_POINT_BASE + channels - ADDRESS;
    }

    /** The block's values, from {@link #ADDRESS} on, for {@code commands}. */
    static int[] values(CommandSet commands, double channelMaxKpa, double deviceMaxKpa) {
        int channels = commands.channels();
        int[] values = new int[quantity(channels)];
        values[HoldingRegisters.WATCHDOG_KICK - ADDRESS] = (int) (commands.sequence() & 0xFFFF);
        double pumpKpa = Double.POSITIVE_INFINITY;
        for (int ch = 0; ch < channels; ch++) {
            double target = Math.min(commands.targetKpa(ch), channelMaxKpa);
            boolean pulls = !commands.vent(ch) && target > 0;
            int setPoint = pulls ? VacuumScaling.setPointCounts(target) : 0;
            if (setPoint == 0) {
                pulls = false; // below one register count: nothing to hold
            }
            values[HoldingRegisters.channelMode(ch) - ADDRESS] = (pulls ? ChannelMode.HOLD : ChannelMode.VENT).code();
            values[HoldingRegisters.channelSetPoint(ch) - ADDRESS] = setPoint;
            if (pulls) {
                pumpKpa = Math.min(pumpKpa, target);
            }
        }
        values[HoldingRegisters.PUMP_SET_POINT - ADDRESS] = pumpKpa == Double.POSITIVE_INFINITY
                ? 0
                : VacuumScaling.setPointCounts(Math.min(pumpKpa, deviceMaxKpa));
        return values;
    }
}
