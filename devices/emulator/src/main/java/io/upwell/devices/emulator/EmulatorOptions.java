package io.upwell.devices.emulator;

import io.upwell.devices.emulator.intervalvacuum.HoldingRegisters;
import io.upwell.devices.emulator.intervalvacuum.SerialSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an emulated interval vacuum system is set up: its serial line, its channels and limits, and the
 * faults it starts with.
 * <p>
 * Immutable: each {@code with} method returns a copy with one value changed. Values are checked
 * together when the emulator starts ({@link IntervalVacuumEmulator#start}), which refuses a bad one with
 * an {@link IllegalArgumentException} naming the setting and the value.
 */
public final class EmulatorOptions {
    final String port;
    final int unitId;
    final int baudRate;
    final int channels;
    final double channelMaxVacuumKpa;
    final double deviceMaxVacuumKpa;
    final String deviceId;
    final String serialNumber;
    final long seed;
    final List<FaultCommand> faults;

    private EmulatorOptions(String port, int unitId, int baudRate, int channels, double channelMaxVacuumKpa,
            double deviceMaxVacuumKpa, String deviceId, String serialNumber, long seed, List<FaultCommand> faults) {
        this.port = port;
        this.unitId = unitId;
        this.baudRate = baudRate;
        this.channels = channels;
        this.channelMaxVacuumKpa = channelMaxVacuumKpa;
        this.deviceMaxVacuumKpa = deviceMaxVacuumKpa;
        this.deviceId = deviceId;
        this.serialNumber = serialNumber;
        this.seed = seed;
        this.faults = List.copyOf(faults);
    }

    /**
     * An emulator on the serial port at {@code port} (a path such as {@code /dev/ttyUSB0} or one end of
     * a socat pty pair), with the factory settings: unit 1 at 19200 baud 8N1, 4 channels of 60 kPa on a
     * 70 kPa pump, device id {@code iv-1}, serial number {@code IV000001}, seed 42, no faults.
     */
    public static EmulatorOptions onPort(String port) {
        Objects.requireNonNull(port, "port");
        return new EmulatorOptions(port, SerialSettings.DEFAULT_UNIT_ID, SerialSettings.DEFAULT_BAUD_RATE, 4, 60, 70,
                "iv-1", "IV000001", 42, List.of());
    }

    /** The Modbus unit id, 1 to 247. */
    public EmulatorOptions withUnitId(int newUnitId) {
        return new EmulatorOptions(port, newUnitId, baudRate, channels, channelMaxVacuumKpa, deviceMaxVacuumKpa, deviceId,
                serialNumber, seed, faults);
    }

    /** The line's speed, in baud (8N1 always). */
    public EmulatorOptions withBaudRate(int newBaudRate) {
        return new EmulatorOptions(port, unitId, newBaudRate, channels, channelMaxVacuumKpa, deviceMaxVacuumKpa, deviceId,
                serialNumber, seed, faults);
    }

    /** The number of channels (valves on the one pump), 1 to 16. */
    public EmulatorOptions withChannels(int newChannels) {
        return new EmulatorOptions(port, unitId, baudRate, newChannels, channelMaxVacuumKpa, deviceMaxVacuumKpa, deviceId,
                serialNumber, seed, faults);
    }

    /** Each channel's maximum vacuum in kPa: above 0, at most 80 and at most the device's. */
    public EmulatorOptions withChannelMaxVacuumKpa(double kpa) {
        return new EmulatorOptions(port, unitId, baudRate, channels, kpa, deviceMaxVacuumKpa, deviceId, serialNumber, seed,
                faults);
    }

    /** The pump's maximum vacuum in kPa: above 0, at most 80. */
    public EmulatorOptions withDeviceMaxVacuumKpa(double kpa) {
        return new EmulatorOptions(port, unitId, baudRate, channels, channelMaxVacuumKpa, kpa, deviceId, serialNumber, seed,
                faults);
    }

    /** The id the emulator logs under (and the simulator behind it carries). */
    public EmulatorOptions withDeviceId(String newDeviceId) {
        return new EmulatorOptions(port, unitId, baudRate, channels, channelMaxVacuumKpa, deviceMaxVacuumKpa, newDeviceId,
                serialNumber, seed, faults);
    }

    /** The serial number in the identity registers: up to 8 printable ASCII characters. */
    public EmulatorOptions withSerialNumber(String newSerialNumber) {
        return new EmulatorOptions(port, unitId, baudRate, channels, channelMaxVacuumKpa, deviceMaxVacuumKpa, deviceId,
                newSerialNumber, seed, faults);
    }

    /** Seeds the sensor noise and where line faults land in a frame, so that runs repeat. */
    public EmulatorOptions withSeed(long newSeed) {
        return new EmulatorOptions(port, unitId, baudRate, channels, channelMaxVacuumKpa, deviceMaxVacuumKpa, deviceId,
                serialNumber, newSeed, faults);
    }

    /** Adds a fault in effect from the start (a command line's {@code --fault SPEC}). */
    public EmulatorOptions withFault(FaultCommand fault) {
        Objects.requireNonNull(fault, "fault");
        List<FaultCommand> more = new ArrayList<>(faults);
        more.add(fault);
        return new EmulatorOptions(port, unitId, baudRate, channels, channelMaxVacuumKpa, deviceMaxVacuumKpa, deviceId,
                serialNumber, seed, more);
    }

    public String port() {
        return port;
    }

    public int unitId() {
        return unitId;
    }

    public int channels() {
        return channels;
    }

    void check() {
        if (!SerialSettings.isValidUnitId(unitId)) {
            throw new IllegalArgumentException("unit id must be " + SerialSettings.MIN_UNIT_ID + " to "
                    + SerialSettings.MAX_UNIT_ID + ", got " + unitId);
        }
        if (baudRate < 300 || baudRate > 1_000_000) {
            throw new IllegalArgumentException("baud rate must be 300 to 1000000, got " + baudRate);
        }
        if (channels < 1 || channels > HoldingRegisters.MAX_CHANNELS) {
            throw new IllegalArgumentException("channels must be 1 to " + HoldingRegisters.MAX_CHANNELS + ", got " + channels);
        }
        if (port.isBlank()) {
            throw new IllegalArgumentException("port must name a serial port's path, got a blank one");
        }
    }

    @Override
    public String toString() {
        return "EmulatorOptions[port=" + port + ", unitId=" + unitId + ", baudRate=" + baudRate + ", channels=" + channels
                + ", channelMaxVacuumKpa=" + channelMaxVacuumKpa + ", deviceMaxVacuumKpa=" + deviceMaxVacuumKpa
                + ", deviceId=" + deviceId + ", serialNumber=" + serialNumber + ", seed=" + seed
                + (faults.isEmpty() ? "" : ", faults=" + faults) + "]";
    }
}
