package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code connect}'s command line turned into the driver's configuration, and what it refuses. */
class DeviceCommandsTest {

    @TempDir
    Path dir;

    @Test
    void theDriversDefaultsFillWhatIsNotGiven() throws Exception {
        Path port = Files.createFile(dir.resolve("ttyUSB0"));

        assertEquals(Map.of("deviceId", "iv-1", "port", port.toString(), "baud", 19_200, "channels", 4, "unitId", 1),
                DeviceCommands.configuration(List.of("interval-vacuum", port.toString())));
        assertEquals(Map.of("deviceId", "mc-7", "port", port.toString(), "baud", 57_600, "channels", 2),
                DeviceCommands.configuration(List.of("magnetic-cups", port.toString(), "id=mc-7", "baud=57600",
                        "channels=2")));
    }

    @Test
    void badInputIsNamed() throws Exception {
        Path port = Files.createFile(dir.resolve("ttyUSB1"));

        assertMessage("port " + dir.resolve("missing") + " does not exist", "magnetic-cups", dir.resolve("missing").toString());
        assertMessage("unknown --driver 'pump'", "pump", port.toString());
        assertMessage("unit-id: magnetic-cups has no address on its line", "magnetic-cups", port.toString(), "unit-id=3");
        assertMessage("baud 'fast' is not a positive whole number", "magnetic-cups", port.toString(), "baud=fast");
        assertMessage("id 'a b(' : letters", "magnetic-cups", port.toString(), "id=a b(");
        assertMessage("unknown option 'speed'", "magnetic-cups", port.toString(), "speed=3");
        assertMessage("expected a driver and a port", "magnetic-cups");
    }

    private static void assertMessage(String expected, String... words) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DeviceCommands.configuration(List.of(words)));
        assertTrue(refused.getMessage().contains(expected.replace(" : ", ": ")), refused.getMessage());
    }
}
