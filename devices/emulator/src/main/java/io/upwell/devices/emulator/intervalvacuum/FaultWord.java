package io.upwell.devices.emulator.intervalvacuum;

import java.util.ArrayList;
import java.util.List;

/**
 * The bits of {@link InputRegisters#FAULT_WORD}.
 * <p>
 * A <em>latched</em> bit vents every channel, stops the pump and stays set after its cause has gone,
 * until the host writes it to {@link HoldingRegisters#FAULT_CLEAR}: a device that vented on its own
 * must not pull again before someone has seen why. While a latched bit is set, a write that would make
 * a channel pull is refused with {@link ExceptionCodes#SERVER_DEVICE_FAILURE}. A <em>live</em> bit
 * follows its cause and cannot be cleared.
 */
public final class FaultWord {
    /** Bit 0, latched: a channel's measured vacuum exceeded its maximum by more than {@link #OVER_PRESSURE_MARGIN_KPA}. */
    public static final int OVER_PRESSURE = 1;
    /** Bit 1, live: a channel's sensor gives no valid reading ({@link VacuumScaling#SENSOR_INVALID}). */
    public static final int SENSOR_FAULT = 1 << 1;
    /**
     * Bit 2, latched: the pump ran for {@link #PUMP_FAULT_SECONDS} s without bringing any pulling channel
     * to half its level: a broken pump, a burst line or every cup off the skin.
     */
    public static final int PUMP_FAULT = 1 << 2;
    /** Bit 3, latched: the host fell silent for longer than the watchdog timeout and the device vented itself. */
    public static final int WATCHDOG_VENT = 1 << 3;
    /** Bit 4, latched: the device's own emergency-stop button was pressed. */
    public static final int EMERGENCY_STOP = 1 << 4;
    /** Bit 5, live: the device is venting because the host wrote {@link HoldingRegisters#VENT_ALL}; clears with the next pulling command. */
    public static final int HOST_VENT = 1 << 5;

    /** The bits that latch. */
    public static final int LATCHED = OVER_PRESSURE | PUMP_FAULT | WATCHDOG_VENT | EMERGENCY_STOP;
    /** Every defined bit; the others read 0. */
    public static final int DEFINED = LATCHED | SENSOR_FAULT | HOST_VENT;

    /** How far, in kPa, a measured vacuum may exceed the channel's maximum before the device latches over-pressure. */
    public static final double OVER_PRESSURE_MARGIN_KPA = 2.0;
    /** How long the pump may run without any pulling channel reaching half its level before the device latches a pump fault. */
    public static final int PUMP_FAULT_SECONDS = 10;

    private FaultWord() {
    }

    /** The names of the bits set in {@code word}, lowest first, for messages; empty for none. */
    public static List<String> names(int word) {
        List<String> names = new ArrayList<>();
        if ((word & OVER_PRESSURE) != 0) {
            names.add("over-pressure");
        }
        if ((word & SENSOR_FAULT) != 0) {
            names.add("sensor fault");
        }
        if ((word & PUMP_FAULT) != 0) {
            names.add("pump fault");
        }
        if ((word & WATCHDOG_VENT) != 0) {
            names.add("watchdog vent");
        }
        if ((word & EMERGENCY_STOP) != 0) {
            names.add("emergency stop");
        }
        if ((word & HOST_VENT) != 0) {
            names.add("host vent");
        }
        int unknown = word & 0xFFFF & ~DEFINED;
        if (unknown != 0) {
            names.add(String.format("undefined bits 0x%04X", unknown));
        }
        return names;
    }
}
