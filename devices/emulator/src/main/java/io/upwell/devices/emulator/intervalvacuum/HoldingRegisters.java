package io.upwell.devices.emulator.intervalvacuum;

/**
 * Holding registers (read with 03, written with 06 or 16): what the host commands.
 * <p>
 * The whole command block, {@link #WATCHDOG_KICK} through the last pulse off-time, is contiguous, so a
 * host can write one control tick's commands (kick, pump set point, every mode and set point) in one
 * write-multiple frame, which the device applies together: it never acts on half a tick. Inside
 * {@code 0x0000..}{@link #END}{@code -1}, reserved addresses and the registers of channels the device
 * does not have read 0 and accept 0 (any other value: exception 03); addresses from {@link #END} on
 * are exception 02.
 */
public final class HoldingRegisters {
    /**
     * 0x0000: the watchdog timeout, in ms, {@link #MIN_WATCHDOG_MS} to {@link #MAX_WATCHDOG_MS}; default
     * {@link #DEFAULT_WATCHDOG_MS}. It cannot be switched off.
     */
    public static final int WATCHDOG_TIMEOUT_MS = 0x0000;
    /**
     * 0x0001: the watchdog kick. Each write of a value different from the one it holds is a kick; the
     * host writes a counter that advances with each of its command cycles (the low 16 bits of the
     * engine's command sequence), so a host that keeps repeating a stale frame does not keep the device
     * pulling. No kick within the timeout: the device vents every channel, stops the pump and latches
     * {@link FaultWord#WATCHDOG_VENT}.
     */
    public static final int WATCHDOG_KICK = 0x0001;
    /**
     * 0x0002: the pump set point, in 0.01 kPa, 0 to the device's maximum: the most vacuum the pump may
     * draw. The pump holds the lowest of this and the set points of the channels that pull; 0 stops it.
     */
    public static final int PUMP_SET_POINT = 0x0002;
    /**
     * 0x0003: vent all. Writing {@link #VENT_ALL_KEY} sets every channel to {@link ChannelMode#VENT},
     * the pump set point to 0 and {@link FaultWord#HOST_VENT}; writing 0 does nothing (so that a command
     * block written whole passes over it); any other value is exception 03. Reads 0. In a write-multiple
     * the registers are applied in address order, so modes written after it in the same frame stand.
     */
    public static final int VENT_ALL = 0x0003;
    /**
     * 0x0004: fault clear. Writing a mask clears those latched bits of the fault word (live bits are
     * ignored); clearing sets every channel to {@link ChannelMode#VENT} and the pump set point to 0, so
     * nothing pulls again until the host commands it afresh. Reads 0.
     */
    public static final int FAULT_CLEAR = 0x0004;
    /** 0x0010 + channel: the channel's {@link ChannelMode} code. */
    public static final int CHANNEL_MODE_BASE = 0x0010;
    /** 0x0020 + channel: the channel's set point, in 0.01 kPa, 0 to the channel's maximum. */
    public static final int CHANNEL_SET_POINT_BASE = 0x0020;
    /** 0x0030 + channel: the channel's pulse on-time in interval mode, in ms, {@link #MIN_PULSE_MS} to {@link #MAX_PULSE_MS}. */
    public static final int PULSE_ON_MS_BASE = 0x0030;
    /** 0x0040 + channel: the channel's pulse off-time in interval mode, in ms, {@link #MIN_PULSE_MS} to {@link #MAX_PULSE_MS}. */
    public static final int PULSE_OFF_MS_BASE = 0x0040;
    /** 0x0050: the first address past the map. */
    public static final int END = 0x0050;

    /** The value that vents everything when written to {@link #VENT_ALL}: ASCII "VA". */
    public static final int VENT_ALL_KEY = 0x5641;
    public static final int MIN_WATCHDOG_MS = 100;
    public static final int MAX_WATCHDOG_MS = 10_000;
    public static final int DEFAULT_WATCHDOG_MS = 1_000;
    public static final int MIN_PULSE_MS = 100;
    public static final int MAX_PULSE_MS = 60_000;
    /** The pulse times at power-up: 5 s on, 5 s off. */
    public static final int DEFAULT_PULSE_MS = 5_000;
    /** The most channels the map has room for. */
    public static final int MAX_CHANNELS = 16;

    private HoldingRegisters() {
    }

    public static int channelMode(int channel) {
        return CHANNEL_MODE_BASE + checked(channel);
    }

    public static int channelSetPoint(int channel) {
        return CHANNEL_SET_POINT_BASE + checked(channel);
    }

    public static int pulseOnMs(int channel) {
        return PULSE_ON_MS_BASE + checked(channel);
    }

    public static int pulseOffMs(int channel) {
        return PULSE_OFF_MS_BASE + checked(channel);
    }

    static int checked(int channel) {
        if (channel < 0 || channel >= MAX_CHANNELS) {
            throw new IllegalArgumentException("channel " + channel + " is outside the map's channels 0.." + (MAX_CHANNELS - 1));
        }
        return channel;
    }
}
