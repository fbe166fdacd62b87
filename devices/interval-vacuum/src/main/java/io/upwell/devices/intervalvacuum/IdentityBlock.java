package io.upwell.devices.intervalvacuum;

import io.upwell.devices.emulator.intervalvacuum.HoldingRegisters;
import io.upwell.devices.emulator.intervalvacuum.InputRegisters;
import io.upwell.devices.emulator.intervalvacuum.VacuumScaling;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who the device says it is: input registers {@code 0x0000 .. 0x0009}, read once per handshake.
 *
 * @param deviceType       DEVICE_TYPE, {@link InputRegisters#DEVICE_TYPE_INTERVAL_VACUUM} for this device
 * @param protocolVersion  PROTOCOL_VERSION, major in the high byte
 * @param firmwareVersion  FIRMWARE_VERSION, major in the high byte
 * @param channels         CHANNEL_COUNT
 * @param deviceMaxKpa     DEVICE_MAX_VACUUM, in kPa
 * @param channelMaxKpa    CHANNEL_MAX_VACUUM, in kPa
 * @param serialNumber     SERIAL_NUMBER, trailing spaces removed
 */
record IdentityBlock(int deviceType, int protocolVersion, int firmwareVersion, int channels, double deviceMaxKpa,
        double channelMaxKpa, String serialNumber) {
    /** The first register of the identity. */
    static final int ADDRESS = InputRegisters.DEVICE_TYPE;
    /** The registers of the identity, up to and including the serial number. */
    static final int QUANTITY = InputRegisters.SERIAL_NUMBER + InputRegisters.SERIAL_NUMBER_WORDS;
    /** Configured and reported maxima further apart than this are different devices; half a register count. */
    private static final double MAX_TOLERANCE_KPA = VacuumScaling.KPA_PER_COUNT / 2;

    /**
     * The identity in a read answer of {@link #QUANTITY} registers from {@link #ADDRESS}.
     *
     * @throws IllegalArgumentException when the answer carries another number of registers
     */
    static IdentityBlock parse(RtuResponse answer) {
        if (answer.registerCount() != QUANTITY) {
            throw new IllegalArgumentException("the identity answer carries " + answer.registerCount()
                    + " registers, " + QUANTITY + " were asked for");
        }
        byte[] serial = new byte[2 * InputRegisters.SERIAL_NUMBER_WORDS];
        for (int i = 0; i < InputRegisters.SERIAL_NUMBER_WORDS; i++) {
            int word = answer.register(InputRegisters.SERIAL_NUMBER + i);
            serial[2 * i] = (byte) (word >>> 8);
            serial[2 * i + 1] = (byte) word;
        }
        return new IdentityBlock(answer.register(InputRegisters.DEVICE_TYPE),
                answer.register(InputRegisters.PROTOCOL_VERSION), answer.register(InputRegisters.FIRMWARE_VERSION),
                answer.register(InputRegisters.CHANNEL_COUNT),
                VacuumScaling.setPointKpa(answer.register(InputRegisters.DEVICE_MAX_VACUUM)),
                VacuumScaling.setPointKpa(answer.register(InputRegisters.CHANNEL_MAX_VACUUM)),
                printable(serial).stripTrailing());
    }

    /**
     * Every way this device differs from the configured one, except the channel count, which the kit's
     * identity check compares and reports itself; empty when it is the configured device. A device of
     * another type is reported alone: nothing else it says can be read with this map.
     */
    List<String> differencesFrom(DriverSettings settings) {
        List<String> differences = new ArrayList<>();
        if (deviceType != InputRegisters.DEVICE_TYPE_INTERVAL_VACUUM) {
            differences.add(String.format(Locale.ROOT, "its device type is 0x%04X, not 0x%04X (\"IV\", an interval vacuum "
                    + "system)", deviceType, InputRegisters.DEVICE_TYPE_INTERVAL_VACUUM));
            return differences;
        }
        if (protocolVersion >>> 8 != InputRegisters.PROTOCOL_VERSION_1_0 >>> 8) {
            differences.add("it speaks register map version " + version(protocolVersion) + "; this driver speaks "
                    + version(InputRegisters.PROTOCOL_VERSION_1_0) + " and any minor version of it");
        }
        if (channels < 1 || channels > HoldingRegisters.MAX_CHANNELS) {
            differences.add("it reports " + channels + " channels, outside the map's 1 to " + HoldingRegisters.MAX_CHANNELS);
        }
        if (Math.abs(deviceMaxKpa - settings.deviceMaxVacuumKpa()) > MAX_TOLERANCE_KPA) {
            differences.add(String.format(Locale.ROOT, "its pump's maximum is %.2f kPa, configured %.2f kPa", deviceMaxKpa,
                    settings.deviceMaxVacuumKpa()));
        }
        if (Math.abs(channelMaxKpa - settings.channelMaxVacuumKpa()) > MAX_TOLERANCE_KPA) {
            differences.add(String.format(Locale.ROOT, "its channel maximum is %.2f kPa, configured %.2f kPa",
                    channelMaxKpa, settings.channelMaxVacuumKpa()));
        }
        if (settings.expectedSerial() != null && !settings.expectedSerial().equals(serialNumber)) {
            differences.add("its serial number is '" + serialNumber + "', configured '" + settings.expectedSerial() + "'");
        }
        return differences;
    }

    /** The firmware version as the kit's identity carries it, such as "1.0". */
    String firmware() {
        return version(firmwareVersion);
    }

    static String version(int word) {
        return (word >>> 8) + "." + (word & 0xFF);
    }

    /** ASCII as sent; a byte that is not printable shows as '?', so that a message never carries control characters. */
    private static String printable(byte[] bytes) {
        byte[] shown = bytes.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] < 0x20 || shown[i] > 0x7E) {
                shown[i] = '?';
            }
        }
        return new String(shown, StandardCharsets.US_ASCII);
    }
}
