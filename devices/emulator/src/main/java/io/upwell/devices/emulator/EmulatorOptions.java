package io.upwell.devices.emulator;

import io.upwell.devices.emulator.intervalvacuum.HoldingRegisters;
import io.upwell.devices.emulator.intervalvacuum.SerialSettings;
import io.upwell.api.device.MagnetSupport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an emulated device is set up: its serial line, its channels and limits, and the faults it starts
 * with. {@link #onPort} gives an interval vacuum system's factory settings,
 * {@link #magneticCupsOnPort} a magnetic cup array's; every setting applies to both except where its
 * method says otherwise.
 * <p>
 * Immutable: each {@code with} method returns a copy with one value changed. Values are checked
 * together when the emulator starts ({@link IntervalVacuumEmulator#start},
 * {@link MagneticCupsEmulator#start}), which refuses a bad one with an {@link IllegalArgumentException}
 * naming the setting and the value.
 */
public final class EmulatorOptions {
    /** The most channels an emulated device has: the simulator's limit. */
    public static final int MAX_CHANNELS = 16;
    /** The Upwell device protocol's recommended line speed (docs/protocol.md, "The line"). */
    public static final int PROTOCOL_BAUD_RATE = 115_200;

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
    final List<MagnetSupport> magnets;

    private EmulatorOptions(String port, int unitId, int baudRate, int channels, double channelMaxVacuumKpa,
            double deviceMaxVacuumKpa, String deviceId, String serialNumber, long seed, List<FaultCommand> faults,
            List<MagnetSupport> magnets) {
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
        this.magnets = List.copyOf(magnets);
    }

    /**
     * An interval vacuum system on the serial port at {@code port} (a path such as {@code /dev/ttyUSB0}
     * or one end of a socat pty pair), with its factory settings: unit 1 at 19200 baud 8N1, 4 channels
     * of 60 kPa on a 70 kPa pump, device id {@code iv-1}, serial number {@code IV000001}, seed 42, no faults.
     */
    public static EmulatorOptions onPort(String port) {
        Objects.requireNonNull(port, "port");
        return new EmulatorOptions(port, SerialSettings.DEFAULT_UNIT_ID, SerialSettings.DEFAULT_BAUD_RATE, 4, 60, 70,
                "iv-1", "IV000001", 42, List.of(), List.of());
    }

    /**
     * A magnetic cup array on the serial port at {@code port}, with its factory settings: 115200 baud
     * 8N1, 4 cups of 60 kPa each on a 70 kPa device, every cup with a level magnet, device id
     * {@code mc-1}, serial number {@code MC000001}, seed 42, no faults.
     */
    public static EmulatorOptions magneticCupsOnPort(String port) {
        Objects.requireNonNull(port, "port");
        return new EmulatorOptions(port, SerialSettings.DEFAULT_UNIT_ID, PROTOCOL_BAUD_RATE, 4, 60, 70, "mc-1",
                "MC000001", 42, List.of(), List.of());
    }

    private EmulatorOptions with(int newUnitId, int newBaudRate, int newChannels, double newChannelMax, double newDeviceMax,
            String newDeviceId, String newSerialNumber, long newSeed, List<FaultCommand> newFaults,
            List<MagnetSupport> newMagnets) {
        return new EmulatorOptions(port, newUnitId, newBaudRate, newChannels, newChannelMax, newDeviceMax, newDeviceId,
                newSerialNumber, newSeed, newFaults, newMagnets);
    }

    /** The Modbus unit id, 1 to 247 (interval vacuum system only). */
    public EmulatorOptions withUnitId(int newUnitId) {
        return with(newUnitId, baudRate, channels, channelMaxVacuumKpa, deviceMaxVacuumKpa, deviceId, serialNumber, seed,
                faults, magnets);
    }

    /** The line's speed, in baud (8N1 always). */
    public EmulatorOptions withBaudRate(int newBaudRate) {
        return with(unitId, newBaudRate, channels, channelMaxVacuumKpa, deviceMaxVacuumKpa, deviceId, serialNumber, seed,
                faults, magnets);
    }

    /** The number of channels (valves on the one pump; cups with a pump each), 1 to {@value #MAX_CHANNELS}. */
    public EmulatorOptions withChannels(int newChannels) {
        return with(unitId, baudRate, newChannels, channelMaxVacuumKpa, deviceMaxVacuumKpa, deviceId, serialNumber, seed,
                faults, magnets);
    }

    /** Each channel's maximum vacuum in kPa: above 0, at most 80 and at most the device's. */
    public EmulatorOptions withChannelMaxVacuumKpa(double kpa) {
        return with(unitId, baudRate, channels, kpa, deviceMaxVacuumKpa, deviceId, serialNumber, seed, faults, magnets);
    }

    /** The pump's (the device's) maximum vacuum in kPa: above 0, at most 80. */
    public EmulatorOptions withDeviceMaxVacuumKpa(double kpa) {
        return with(unitId, baudRate, channels, channelMaxVacuumKpa, kpa, deviceId, serialNumber, seed, faults, magnets);
    }

    /** The id the emulator logs under (and the simulator behind it carries). */
    public EmulatorOptions withDeviceId(String newDeviceId) {
        return with(unitId, baudRate, channels, channelMaxVacuumKpa, deviceMaxVacuumKpa, newDeviceId, serialNumber, seed,
                faults, magnets);
    }

    /**
     * The serial number the device reports: up to 8 printable ASCII characters in an interval vacuum
     * system's identity registers; 1 to 32 bytes of UTF-8, not blank, in a magnetic cup array's HELLO_REPLY.
     */
    public EmulatorOptions withSerialNumber(String newSerialNumber) {
        return with(unitId, baudRate, channels, channelMaxVacuumKpa, deviceMaxVacuumKpa, deviceId, newSerialNumber, seed,
                faults, magnets);
    }

    /** Seeds the sensor noise and where line faults land in a frame, so that runs repeat. */
    public EmulatorOptions withSeed(long newSeed) {
        return with(unitId, baudRate, channels, channelMaxVacuumKpa, deviceMaxVacuumKpa, deviceId, serialNumber, newSeed,
                faults, magnets);
    }

    /**
     * The magnetic cup array's magnets, per channel in channel order: {@code NONE} (a plain cup),
     * {@code ON_OFF} or {@code LEVEL}. One kind given alone is every channel's; none (the default) is
     * {@code LEVEL} on every channel. Otherwise there must be one per channel.
     */
    public EmulatorOptions withMagnets(List<MagnetSupport> perChannel) {
        Objects.requireNonNull(perChannel, "perChannel");
        perChannel.forEach(kind -> Objects.requireNonNull(kind, "a channel's magnet"));
        return with(unitId, baudRate, channels, channelMaxVacuumKpa, deviceMaxVacuumKpa, deviceId, serialNumber, seed,
                faults, perChannel);
    }

    /** Adds a fault in effect from the start (a command line's {@code --fault SPEC}). */
    public EmulatorOptions withFault(FaultCommand fault) {
        Objects.requireNonNull(fault, "fault");
        List<FaultCommand> more = new ArrayList<>(faults);
        more.add(fault);
        return with(unitId, baudRate, channels, channelMaxVacuumKpa, deviceMaxVacuumKpa, deviceId, serialNumber, seed,
                more, magnets);
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

    /** Each channel's magnet, resolved as {@link #withMagnets} says: one entry per channel. */
    public List<MagnetSupport> magnets() {
        if (magnets.isEmpty()) {
            return java.util.Collections.nCopies(channels, MagnetSupport.LEVEL);
        }
        if (magnets.size() == 1) {
            return java.util.Collections.nCopies(channels, magnets.get(0));
        }
        return magnets;
    }

    /** What every emulator checks; the Modbus unit id and the serial number's form are each model's. */
    void checkCommon() {
        if (baudRate < 300 || baudRate > 1_000_000) {
            throw new IllegalArgumentException("baud rate must be 300 to 1000000, got " + baudRate);
        }
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new IllegalArgumentException("channels must be 1 to " + MAX_CHANNELS + ", got " + channels);
        }
        if (port.isBlank()) {
            throw new IllegalArgumentException("port must name a serial port's path, got a blank one");
        }
    }

    /** The interval vacuum system's checks. */
    void check() {
        if (!SerialSettings.isValidUnitId(unitId)) {
            throw new IllegalArgumentException("unit id must be " + SerialSettings.MIN_UNIT_ID + " to "
                    + SerialSettings.MAX_UNIT_ID + ", got " + unitId);
        }
        checkCommon();
        if (channels > HoldingRegisters.MAX_CHANNELS) {
            throw new IllegalArgumentException("channels must be 1 to " + HoldingRegisters.MAX_CHANNELS + ", got " + channels);
        }
    }

    /** The magnetic cup array's checks. */
    void checkMagneticCups() {
        checkCommon();
        if (magnets.size() > 1 && magnets.size() != channels) {
            throw new IllegalArgumentException("magnets must name one kind for every channel or one per channel ("
                    + channels + "), got " + magnets.size() + ": " + magnets);
        }
        int bytes = serialNumber.getBytes(StandardCharsets.UTF_8).length;
        if (serialNumber.isBlank() || bytes > 32) {
            throw new IllegalArgumentException("serial number must be 1 to 32 bytes of UTF-8, not blank, got '"
                    + serialNumber + "' (" + bytes + " bytes)");
        }
        if (!(channelMaxVacuumKpa > 0) || channelMaxVacuumKpa > 80 || channelMaxVacuumKpa > deviceMaxVacuumKpa) {
            throw new IllegalArgumentException("channel maximum must be above 0, at most 80 kPa and at most the device's "
                    + deviceMaxVacuumKpa + " kPa, got " + channelMaxVacuumKpa);
        }
        if (!(deviceMaxVacuumKpa > 0) || deviceMaxVacuumKpa > 80) {
            throw new IllegalArgumentException("device maximum must be above 0 and at most 80 kPa, got " + deviceMaxVacuumKpa);
        }
    }

    @Override
    public String toString() {
        return "EmulatorOptions[port=" + port + ", unitId=" + unitId + ", baudRate=" + baudRate + ", channels=" + channels
                + ", channelMaxVacuumKpa=" + channelMaxVacuumKpa + ", deviceMaxVacuumKpa=" + deviceMaxVacuumKpa
                + ", deviceId=" + deviceId + ", serialNumber=" + serialNumber + ", seed=" + seed
                + (magnets.isEmpty() ? "" : ", magnets=" + magnets) + (faults.isEmpty() ? "" : ", faults=" + faults) + "]";
    }
}
