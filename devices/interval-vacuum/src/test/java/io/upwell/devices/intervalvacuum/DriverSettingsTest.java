package io.upwell.devices.intervalvacuum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.devices.kit.serial.Parity;
import io.upwell.devices.kit.serial.StopBits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration is checked when the component activates: a wrong property keeps the component
 * inactive with a message naming the property and the value. /dev/null stands in for a serial port
 * where only the file system is looked at: it is a character device, as a tty is.
 */
class DriverSettingsTest {
    private static final String CHARACTER_DEVICE = "/dev/null";

    @TempDir
    Path dir;

    @Test
    void theDefaultsAreTheRegisterMapsFactorySettings() {
        DriverSettings settings = DriverSettings.from(Configs.config(Map.of("deviceId", "iv-7", "port", CHARACTER_DEVICE)));

        assertEquals("iv-7", settings.deviceId());
        assertEquals(CHARACTER_DEVICE, settings.port());
        assertEquals(19200, settings.baud());
        assertEquals(8, settings.dataBits());
        assertEquals(Parity.NONE, settings.parity());
        assertEquals(StopBits.ONE, settings.stopBits());
        assertEquals(1, settings.unitId());
        assertNull(settings.expectedSerial(), "an empty expected serial is not checked");
        assertEquals(4, settings.channels());
        assertEquals(60, settings.channelMaxVacuumKpa());
        assertEquals(70, settings.deviceMaxVacuumKpa());
        assertEquals(Duration.ofMillis(300), settings.quietTime());
        assertEquals(300, settings.watchdogTimeoutMillis(), "the device's watchdog is set to the quiet time");
        assertEquals(Duration.ofMillis(100), settings.commandPeriod());
    }

    @Test
    void theDescriptorPutsEveryChannelOnOnePump() {
        DeviceDescriptor descriptor = IntervalVacuumDriver.describe(DriverSettings.defaults("iv-1", CHARACTER_DEVICE));

        assertEquals("iv-1", descriptor.id());
        assertEquals("Upwell", descriptor.vendor());
        assertEquals("Interval vacuum system", descriptor.model());
        assertEquals(4, descriptor.channelCount());
        assertEquals(70, descriptor.maxVacuumKpa());
        assertEquals(false, descriptor.simulated());
        assertEquals(Duration.ofMillis(300), descriptor.quietTime());
        for (ChannelDescriptor channel : descriptor.channels()) {
            assertEquals(0, channel.pumpGroup(), "one pump: one group");
            assertEquals(60, channel.maxVacuumKpa());
        }
    }

    @Test
    void aMissingPortIsRefusedNamingTheProperty() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("deviceId", "iv-1");

        assertRefused(Configs.config(properties), "port is missing: set it to the serial port's absolute path");
        assertRefused(Configs.with("  ", "baud", 19200), "port is missing");
    }

    @Test
    void aPortThatDoesNotExistIsRefusedNamingThePath() {
        String missing = dir.resolve("ttyUSB9").toString();

        assertRefused(Configs.with(missing, "baud", 19200), "port '" + missing + "' does not exist: is the device plugged in");
    }

    @Test
    void aLinkToNothingIsRefusedSayingSo() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("usb-gone"), dir.resolve("ttyUSB9"));

        assertRefused(Configs.with(link.toString(), "baud", 19200), "does not exist (it is a link to nothing)");
    }

    @Test
    void aPortThatIsNoCharacterDeviceIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("port.txt"), "not a port");

        assertRefused(Configs.with(file.toString(), "baud", 19200), "port '" + file + "' is a regular file, not a serial port");
        assertRefused(Configs.with(dir.toString(), "baud", 19200), "port '" + dir + "' is a directory, not a serial port");
        assertRefused(Configs.with("dev/ttyUSB0", "baud", 19200), "port 'dev/ttyUSB0' must be an absolute path");
    }

    @Test
    void aUnitIdOutsideOneTo247IsRefused() {
        assertRefused(Configs.with(CHARACTER_DEVICE, "unitId", 0), "unitId must be 1 to 247 (0 is broadcast, which no device "
                + "answers), got 0");
        assertRefused(Configs.with(CHARACTER_DEVICE, "unitId", 248), "unitId must be 1 to 247");
        assertEquals(247, DriverSettings.from(Configs.with(CHARACTER_DEVICE, "unitId", 247)).unitId());
    }

    @Test
    void aBadLineIsRefused() {
        assertRefused(Configs.with(CHARACTER_DEVICE, "baud", 0), "baud must be 300 to 1000000, got 0");
        assertRefused(Configs.with(CHARACTER_DEVICE, "baud", 2_000_000), "baud must be 300 to 1000000, got 2000000");
        assertRefused(Configs.with(CHARACTER_DEVICE, "dataBits", 9), "dataBits must be 5 to 8, got 9");
        assertRefused(Configs.with(CHARACTER_DEVICE, "parity", "mark"), "parity must be none, even or odd, got 'mark'");
        assertRefused(Configs.with(CHARACTER_DEVICE, "stopBits", "1.5"), "stopBits must be 1 or 2, got '1.5'");
        assertEquals(Parity.EVEN, DriverSettings.from(Configs.with(CHARACTER_DEVICE, "parity", "Even")).parity());
        assertEquals(StopBits.TWO, DriverSettings.from(Configs.with(CHARACTER_DEVICE, "stopBits", "2")).stopBits());
    }

    @Test
    void theDeviceIdIsRequiredWithoutWhitespace() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("port", CHARACTER_DEVICE);

        assertRefused(Configs.config(properties), "deviceId is missing");
        assertRefused(Configs.with(CHARACTER_DEVICE, "deviceId", " "), "deviceId is missing");
        assertRefused(Configs.with(CHARACTER_DEVICE, "deviceId", "iv 1"), "deviceId must have no whitespace, got 'iv 1'");
    }

    @Test
    void channelsMaximaAndTimesAreBounded() {
        assertRefused(Configs.with(CHARACTER_DEVICE, "channels", 17), "channels must be 1 to 16, got 17");
        assertRefused(Configs.with(CHARACTER_DEVICE, "deviceMaxVacuumKpa", 90.0), "deviceMaxVacuumKpa must be above 0 and "
                + "at most 80.0 kPa, got 90.0");
        assertRefused(Configs.with(CHARACTER_DEVICE, "channelMaxVacuumKpa", 75.0), "channelMaxVacuumKpa must be above 0 and "
                + "at most 70.0 kPa, got 75.0");
        assertRefused(Configs.with(CHARACTER_DEVICE, "quietTimeMillis", 50L), "quietTimeMillis must be 100 to 1000, got 50");
        assertRefused(Configs.with(CHARACTER_DEVICE, "commandPeriodMillis", 200L), "commandPeriodMillis must be 20 ms to half "
                + "the quiet time (150 ms)");
        assertRefused(Configs.with(CHARACTER_DEVICE, "expectedSerial", "IV 01"), "expectedSerial must be up to 8 printable");
        assertEquals("IV000001", DriverSettings.from(Configs.with(CHARACTER_DEVICE, "expectedSerial", "IV000001"))
                .expectedSerial());
    }

    @Test
    void aValueConfigurationAdminCannotConvertIsNamed() {
        assertRefused(Configs.with(CHARACTER_DEVICE, "baud", new NumberFormatException("For input string: \"fast\"")),
                "baud has a value that cannot be read: For input string: \"fast\"");
    }

    @Test
    void theComponentRefusesToActivateWithTheSameMessage() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new IntervalVacuumDriver(Configs.with(CHARACTER_DEVICE, "unitId", 0)));
        assertTrue(refused.getMessage().startsWith("unitId must be 1 to 247"), refused.getMessage());
    }

    private static void assertRefused(IntervalVacuumConfig config, String message) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> DriverSettings.from(config));
        assertTrue(refused.getMessage().contains(message), "expected '" + message + "' in: " + refused.getMessage());
    }
}
