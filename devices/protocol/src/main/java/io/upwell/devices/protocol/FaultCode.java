package io.upwell.devices.protocol;

/**
 * What a FAULT frame reports. Every fault has already been made safe by the device when it is
 * reported: the affected channels (every channel, for a device-wide fault) are vented. A host treats
 * every fault, including one whose code it does not know ({@link #UNKNOWN}), as a device fault that
 * latches; the codes only say what to tell the operator.
 */
public enum FaultCode {
    /** The device measured more vacuum than the channel's maximum and vented it. */
    OVER_PRESSURE(0x01),
    /** A pressure sensor reads out of range, frozen or not at all. */
    SENSOR_FAULT(0x02),
    /** The pump does not build vacuum, draws too much current or stalled. */
    PUMP_FAULT(0x03),
    /** No heartbeat or command arrived within the device's watchdog timeout: the device vented everything. */
    WATCHDOG_VENT(0x04),
    /** Someone pressed the device's own emergency-stop button. */
    EMERGENCY_STOP(0x05),
    /** A cup lost its seal: the device stopped pumping it. */
    SEAL_LOST(0x06),
    /** A vent valve did not open, so vacuum may not be released. */
    VALVE_FAULT(0x07),
    /** The supply voltage is out of range. */
    POWER_FAULT(0x08),
    /** The device is too hot to run its pump. */
    OVER_TEMPERATURE(0x09),
    /** The device's firmware found an error of its own. */
    INTERNAL_ERROR(0x0A),
    /** A code this version of the protocol does not know: still a fault. */
    UNKNOWN(-1);

    private final int code;

    FaultCode(int code) {
        this.code = code;
    }

    /** The code's byte on the wire; -1 for {@link #UNKNOWN}, which has none. */
    public int code() {
        return code;
    }

    /** The fault with this code, or {@link #UNKNOWN}. */
    public static FaultCode of(int code) {
        for (FaultCode fault : values()) {
            if (fault.code == code && fault != UNKNOWN) {
                return fault;
            }
        }
        return UNKNOWN;
    }
}
