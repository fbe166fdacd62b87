package io.upwell.devices.emulator.intervalvacuum;

/** What a channel's valve does, as written to {@link HoldingRegisters#channelMode(int)}. */
public enum ChannelMode {
    /** 0: the valve is open to atmosphere; no vacuum. The safe state, and every channel's state at power-up. */
    VENT(0),
    /** 1: the valve is open to the pump, which holds the channel at its set point (see the pump rule). */
    HOLD(1),
    /**
     * 2: the device's own interval mode: the valve is open to the pump for the channel's pulse on-time,
     * then to atmosphere for its off-time, over and over, starting with on. The watchdog still applies.
     */
    INTERVAL(2);

    private final int code;

    ChannelMode(int code) {
        this.code = code;
    }

    /** The register value. */
    public int code() {
        return code;
    }

    /** Whether the mode may connect the channel to the pump. */
    public boolean pulls() {
        return this != VENT;
    }

    /**
     * The mode for a register value.
     *
     * @throws IllegalArgumentException for a value that is no mode
     */
    public static ChannelMode of(int code) {
        return switch (code) {
            case 0 -> VENT;
            case 1 -> HOLD;
            case 2 -> INTERVAL;
            default -> throw new IllegalArgumentException("channel mode " + code + " is none of 0 (vent), 1 (hold), 2 (interval)");
        };
    }

    /** Whether {@code code} is a mode's register value. */
    public static boolean isValid(int code) {
        return code >= 0 && code <= 2;
    }
}
