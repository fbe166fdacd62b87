package io.upwell.devices.emulator.intervalvacuum;

/**
 * The device's serial line as it leaves the factory: Modbus RTU at 19200 baud, 8 data bits, no parity,
 * 1 stop bit (8N1), unit id 1. The device answers unit ids 1 to 247; unit 0 is broadcast (writes only,
 * never answered).
 */
public final class SerialSettings {
    public static final int DEFAULT_BAUD_RATE = 19200;
    public static final int DATA_BITS = 8;
    public static final int STOP_BITS = 1;
    /** No parity (8N1). */
    public static final String PARITY = "none";
    public static final int DEFAULT_UNIT_ID = 1;
    public static final int MIN_UNIT_ID = 1;
    public static final int MAX_UNIT_ID = 247;
    /** Unit id 0: a write to every device on the line, which none of them answers. */
    public static final int BROADCAST_UNIT_ID = 0;
    /**
     * How long the device may take to answer a request, in ms, measured from the request's last byte:
     * a host should wait at least this long before it counts a request as unanswered.
     */
    public static final int MAX_RESPONSE_MS = 50;

    private SerialSettings() {
    }

    /** Whether {@code unitId} is an address the device can be given (1 to 247). */
    public static boolean isValidUnitId(int unitId) {
        return unitId >= MIN_UNIT_ID && unitId <= MAX_UNIT_ID;
    }
}
