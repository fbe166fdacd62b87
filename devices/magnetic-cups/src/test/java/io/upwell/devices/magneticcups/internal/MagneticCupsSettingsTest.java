package io.upwell.devices.magneticcups.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.MagnetSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration as the component activates with it, and the message for each value it refuses. */
class MagneticCupsSettingsTest {
    /** A character device every Linux machine has: enough for the checks, which never open it. */
    private static final String CHARACTER_DEVICE = "/dev/null";

    @TempDir
    Path dir;

    @Test
    void aValidConfigurationGivesTheDescriptorOfTheConfiguredCups() {
        MagneticCupsSettings settings = MagneticCupsSettings.from(Configs.on(CHARACTER_DEVICE, "channels", 3,
                "magnets", "level, on_off ,NONE", "serial", "SN-0042", "maxVacuumKpa", 55.0, "quietTimeMillis", 300L));
        assertEquals(115_200, settings.baud(), "the protocol's recommended speed by default");
        assertEquals("SN-0042", settings.serial());

        DeviceDescriptor descriptor = MagneticCupsDriver.describe(settings);

        assertEquals("mc-1", descriptor.id());
        assertFalse(descriptor.simulated());
        assertEquals(Duration.ofMillis(300), descriptor.quietTime());
        assertEquals(55.0, descriptor.maxVacuumKpa());
        assertEquals(List.of(new ChannelDescriptor(0, "cup 1", 55, MagnetSupport.LEVEL, 0),
                new ChannelDescriptor(1, "cup 2", 55, MagnetSupport.ON_OFF, 1),
                new ChannelDescriptor(2, "cup 3", 55, MagnetSupport.NONE, 2)), descriptor.channels(),
                "each cup its own pump and its configured magnet");
    }

    @Test
    void theReconnectBackOffIsTheKitsUnlessConfigured() {
        MagneticCupsSettings defaults = MagneticCupsSettings.from(Configs.on(CHARACTER_DEVICE));
        assertEquals(Duration.ofMillis(500), defaults.reconnectFirst());
        assertEquals(Duration.ofSeconds(5), defaults.reconnectMax());
        MagneticCupsSettings quick = MagneticCupsSettings.from(Configs.on(CHARACTER_DEVICE, "reconnectFirstMillis", 20L,
                "reconnectMaxMillis", 200L));
        assertEquals(Duration.ofMillis(20), quick.reconnectFirst());
        assertEquals(Duration.ofMillis(200), quick.reconnectMax());
    }

    @Test
    void oneMagnetKindIsEveryCups() {
        MagneticCupsSettings settings = MagneticCupsSettings.from(Configs.on(CHARACTER_DEVICE, "magnets", "ON_OFF"));
        assertEquals(List.of(MagnetSupport.ON_OFF, MagnetSupport.ON_OFF, MagnetSupport.ON_OFF, MagnetSupport.ON_OFF),
                settings.magnets());
    }

    @Test
    void aMissingOrBlankPortIsRefusedNamingTheProperty() {
        assertRefused(Configs.on(null), "port is required: give the device's absolute path");
        assertRefused(Configs.on("  "), "port is required");
    }

    @Test
    void aPathThatIsNotThereOrNotACharacterDeviceIsRefusedNamingIt() throws Exception {
        String missing = dir.resolve("ttyUSB9").toString();
        assertRefused(Configs.on(missing), "port '" + missing + "' does not exist");
        Path file = Files.createFile(dir.resolve("not-a-port"));
        assertRefused(Configs.on(file.toString()), "port '" + file + "' is a regular file, not a serial port");
        assertRefused(Configs.on(dir.toString()), "port '" + dir + "' is a directory, not a serial port");
        Path fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo made " + fifo);
        assertRefused(Configs.on(fifo.toString()), "port '" + fifo + "' is not a character device, so not a serial port");
        assertRefused(Configs.on("dev/ttyUSB0"), "port must be an absolute path, such as /dev/ttyUSB0, got 'dev/ttyUSB0'");
    }

    @Test
    void everyOtherBadValueIsRefusedNamingThePropertyAndTheValue() {
        assertRefused(Configs.on(CHARACTER_DEVICE, "deviceId", null), "deviceId is required");
        assertRefused(Configs.on(CHARACTER_DEVICE, "deviceId", "mc 1"), "deviceId must not contain spaces, got 'mc 1'");
        assertRefused(Configs.on(CHARACTER_DEVICE, "baud", 10), "baud must be 50 to 4000000, got 10");
        assertRefused(Configs.on(CHARACTER_DEVICE, "channels", 0), "channels must be 1 to 255, got 0");
        assertRefused(Configs.on(CHARACTER_DEVICE, "magnets", "LEVEL,BIG"), "magnets: 'BIG' is not NONE, ON_OFF or LEVEL");
        assertRefused(Configs.on(CHARACTER_DEVICE, "magnets", "LEVEL,NONE"),
                "magnets must give one kind for every cup or one per cup (4), got 2: 'LEVEL,NONE'");
        assertRefused(Configs.on(CHARACTER_DEVICE, "maxVacuumKpa", 90.0), "maxVacuumKpa must be above 0 and at most 80.0 kPa");
        assertRefused(Configs.on(CHARACTER_DEVICE, "quietTimeMillis", 50L), "quietTimeMillis must be 100 to 1000 ms, got 50");
        assertRefused(Configs.on(CHARACTER_DEVICE, "serial", "S".repeat(33)), "serial must be at most 32 bytes");
        assertRefused(Configs.on(CHARACTER_DEVICE, "reconnectFirstMillis", 5L),
                "reconnectFirstMillis must be 10 to 60000 ms, got 5");
        assertRefused(Configs.on(CHARACTER_DEVICE, "reconnectFirstMillis", 300L, "reconnectMaxMillis", 200L),
                "reconnectMaxMillis must be reconnectFirstMillis (300) to 60000 ms, got 200");
        assertRefused(Configs.on(CHARACTER_DEVICE, "reconnectMaxMillis", 61_000L),
                "reconnectMaxMillis must be reconnectFirstMillis (500) to 60000 ms, got 61000");
        assertRefused(Configs.on(CHARACTER_DEVICE, "channels", new IllegalArgumentException("'four' is not an int")),
                "channels has a value that is not of its type: 'four' is not an int");
    }

    private static void assertRefused(MagneticCupsConfig config, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MagneticCupsDriver(config));
        assertTrue(e.getMessage().contains(message), "expected '" + message + "' in: " + e.getMessage());
    }
}
