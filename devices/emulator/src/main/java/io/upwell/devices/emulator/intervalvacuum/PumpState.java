package io.upwell.devices.emulator.intervalvacuum;

/** The pump, as read from {@link InputRegisters#PUMP_STATE}. */
public enum PumpState {
    /** 0: stopped: no channel pulls, or the pump set point is zero. */
    OFF(0),
    /** 1: running toward the pump level ({@link InputRegisters#PUMP_LEVEL}). */
    RUNNING(1),
    /** 2: stopped by a latched fault; see the fault word. */
    FAULTED(2);

    private final int code;

    PumpState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /**
     * The state for a register value.
     *
     * @throws IllegalArgumentException for a value that is no state
     */
    public static PumpState of(int code) {
        return switch (code) {
            case 0 -> OFF;
            case 1 -> RUNNING;
            case 2 -> FAULTED;
            default -> throw new IllegalArgumentException("pump state " + code + " is none of 0 (off), 1 (running), 2 (faulted)");
        };
    }
}
