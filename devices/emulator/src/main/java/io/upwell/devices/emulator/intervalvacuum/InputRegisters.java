package io.upwell.devices.emulator.intervalvacuum;

/**
 * Input registers (read with 04): who the device is and what it measures. Addresses up to
 * {@link #END}{@code -1} read (reserved ones and channels the device does not have read 0); from
 * {@link #END} on they are exception 02. The device refreshes them every 10 ms, all at once, so one
 * read returns one moment.
 */
public final class InputRegisters {
    /** 0x0000: the device type, {@link #DEVICE_TYPE_INTERVAL_VACUUM}; a host checks it before anything else. */
    public static final int DEVICE_TYPE = 0x0000;
    /** 0x0001: the register map's version, major in the high byte, minor in the low: {@link #PROTOCOL_VERSION_1_0}. */
    public static final int PROTOCOL_VERSION = 0x0001;
    /** 0x0002: the firmware version, major in the high byte, minor in the low. */
    public static final int FIRMWARE_VERSION = 0x0002;
    /** 0x0003: how many channels (valves) the device has, 1 to {@link HoldingRegisters#MAX_CHANNELS}. */
    public static final int CHANNEL_COUNT = 0x0003;
    /** 0x0004: the device's maximum vacuum (the pump's), in 0.01 kPa. */
    public static final int DEVICE_MAX_VACUUM = 0x0004;
    /** 0x0005: each channel's maximum vacuum, in 0.01 kPa; a set point above it is exception 03. */
    public static final int CHANNEL_MAX_VACUUM = 0x0005;
    /** 0x0006..0x0009: the serial number, 8 ASCII characters, two per register, high byte first, padded with spaces. */
    public static final int SERIAL_NUMBER = 0x0006;
    /** How many registers the serial number takes. */
    public static final int SERIAL_NUMBER_WORDS = 4;
    /** 0x0010: the {@link FaultWord}. */
    public static final int FAULT_WORD = 0x0010;
    /** 0x0011: the {@link PumpState} code. */
    public static final int PUMP_STATE = 0x0011;
    /** 0x0012: the level the pump holds now, in 0.01 kPa: the lowest asked for (see the pump rule); 0 when off. */
    public static final int PUMP_LEVEL = 0x0012;
    /** 0x0013: the sample counter: advances by one with every measurement (every 10 ms), wrapping at 65536. */
    public static final int SAMPLE_COUNTER = 0x0013;
    /** 0x0014: the time left before the watchdog vents, in ms; 0 once it has. */
    public static final int WATCHDOG_REMAINING_MS = 0x0014;
    /** 0x0020 + channel: the channel's measured vacuum, signed, in 0.01 kPa ({@link VacuumScaling}). */
    public static final int MEASURED_VACUUM_BASE = 0x0020;
    /** 0x0030 + channel: the channel's valve: 0 open to atmosphere, 1 open to the pump. */
    public static final int VALVE_STATE_BASE = 0x0030;
    /** 0x0040: the first address past the map. */
    public static final int END = 0x0040;

    /** The {@link #DEVICE_TYPE} of this map: ASCII "IV". */
    public static final int DEVICE_TYPE_INTERVAL_VACUUM = 0x4956;
    /** Version 1.0 of this map. */
    public static final int PROTOCOL_VERSION_1_0 = 0x0100;
    public static final int VALVE_TO_ATMOSPHERE = 0;
    public static final int VALVE_TO_PUMP = 1;

    private InputRegisters() {
    }

    public static int measuredVacuum(int channel) {
        return MEASURED_VACUUM_BASE + HoldingRegisters.checked(channel);
    }

    public static int valveState(int channel) {
        return VALVE_STATE_BASE + HoldingRegisters.checked(channel);
    }
}
