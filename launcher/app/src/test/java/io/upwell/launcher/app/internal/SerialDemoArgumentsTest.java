package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo --port ...}: what the command line asks for, and one clear line for each mistake. */
class SerialDemoArgumentsTest {

    /** A character device every Linux machine has, standing in for a serial port. */
    private static final String PORT = "/dev/null";

    @TempDir
    Path directory;

    private static SerialDemoArguments parse(String... words) {
        return SerialDemoArguments.parse(List.of(words));
    }

    private static String refusal(String... words) {
        return assertThrows(IllegalArgumentException.class, () -> parse(words)).getMessage();
    }

    @Test
    void eachDriverTakesItsDevicesFactorySettingsUnlessToldOtherwise() {
        SerialDemoArguments vacuum = parse("--port", PORT, "--driver", "interval-vacuum");
        assertEquals(Path.of(PORT), vacuum.port());
        assertEquals(DemoDriver.INTERVAL_VACUUM, vacuum.driver());
        assertEquals(19_200, vacuum.baud());
        assertEquals(1, vacuum.unitId());
        assertEquals(4, vacuum.channels());
        assertEquals(Duration.ofSeconds(60), vacuum.reconnectWait());

        SerialDemoArguments cups = parse("--driver", "magnetic-cups", "--port", PORT);
        assertEquals(DemoDriver.MAGNETIC_CUPS, cups.driver());
        assertEquals(115_200, cups.baud());
        assertEquals(4, cups.channels());
    }

    @Test
    void theLineTheChannelsAndTheReconnectWaitCanBeGiven() {
        SerialDemoArguments arguments = parse("--port", PORT, "--driver", "interval-vacuum", "--baud", "9600",
                "--unit-id", "7", "--channels", "2", "--reconnect-wait", "15");
        assertEquals(9600, arguments.baud());
        assertEquals(7, arguments.unitId());
        assertEquals(2, arguments.channels());
        assertEquals(Duration.ofSeconds(15), arguments.reconnectWait());
    }

    @Test
    void eachDriverGetsTheConfigurationItsMetatypeDeclaresWithTheDemosDeviceId() {
        SerialDemoArguments vacuum = parse("--port", PORT, "--driver", "interval-vacuum", "--unit-id", "3");
        assertEquals("io.upwell.devices.intervalvacuum", vacuum.driver().factoryPid());
        assertEquals(Map.of("deviceId", "iv-1", "port", PORT, "baud", 19_200, "channels", 4, "unitId", 3),
                vacuum.driver().configuration(vacuum));

        SerialDemoArguments cups = parse("--port", PORT, "--driver", "magnetic-cups", "--channels", "3");
        assertEquals("io.upwell.devices.magneticcups", cups.driver().factoryPid());
        assertEquals(Map.of("deviceId", "mc-1", "port", PORT, "baud", 115_200, "channels", 3),
                cups.driver().configuration(cups));
    }

    @Test
    void aRelativePortIsMadeAbsoluteButALinkIsKeptForReconnecting() throws IOException {
        Path link = Files.createSymbolicLink(directory.resolve("host"), Path.of(PORT));
        SerialDemoArguments arguments = parse("--port", link.toString(), "--driver", "magnetic-cups");
        assertEquals(link, arguments.port(), "socat's link is what a driver reopens after the device comes back");

        Path relative = Path.of("").toAbsolutePath().relativize(link);
        assertEquals(link, parse("--port", relative.toString(), "--driver", "magnetic-cups").port());
    }

    @Test
    void aMissingPortIsRefusedNamingTheOption() {
        String message = refusal("--driver", "magnetic-cups");
        assertTrue(message.startsWith("--port PATH is required"), message);
    }

    @Test
    void aPortThatDoesNotExistIsRefusedNamingThePath() {
        Path missing = directory.resolve("no-such-port");
        String message = refusal("--port", missing.toString(), "--driver", "magnetic-cups");
        assertEquals("--port " + missing + " does not exist (is the device plugged in, or the program that makes the"
                + " pseudo-terminal, such as socat, running?)", message);
    }

    @Test
    void aDirectoryOrARegularFileIsNoSerialPort() throws IOException {
        assertEquals("--port " + directory + " is a directory, not a serial port",
                refusal("--port", directory.toString(), "--driver", "magnetic-cups"));
        Path file = Files.writeString(directory.resolve("notes.txt"), "hello");
        assertEquals("--port " + file + " is a regular file, not a serial port",
                refusal("--port", file.toString(), "--driver", "interval-vacuum"));
        assertTrue(refusal("--port", " ", "--driver", "interval-vacuum").startsWith("--port is empty"));
    }

    @Test
    void aMissingOrUnknownDriverIsRefusedNamingTheDrivers() {
        assertTrue(refusal("--port", PORT).startsWith("--driver is required: interval-vacuum or magnetic-cups"));
        assertEquals("unknown --driver 'espresso'; drivers: interval-vacuum, magnetic-cups",
                refusal("--port", PORT, "--driver", "espresso"));
    }

    @Test
    void aUnitIdIsAModbusAddressAndTheMagneticCupsHaveNone() {
        String message = refusal("--port", PORT, "--driver", "magnetic-cups", "--unit-id", "2");
        assertTrue(message.startsWith("--unit-id is a Modbus address"), message);
    }

    @Test
    void numbersMustBeWholeAndPositive() {
        assertEquals("--baud must be a whole number, got 'fast'",
                refusal("--port", PORT, "--driver", "magnetic-cups", "--baud", "fast"));
        assertEquals("--channels must be at least 1, got 0",
                refusal("--port", PORT, "--driver", "magnetic-cups", "--channels", "0"));
        assertEquals("--reconnect-wait must be at least 1, got -5",
                refusal("--port", PORT, "--driver", "magnetic-cups", "--reconnect-wait", "-5"));
    }

    @Test
    void unknownRepeatedOrDanglingOptionsAreNamed() {
        assertTrue(refusal("--port", PORT, "--driver", "magnetic-cups", "--fast", "yes")
                .startsWith("unknown option '--fast'; usage: demo --port PATH"));
        assertEquals("--port is given twice; give it once", refusal("--port", PORT, "--port", PORT));
        assertTrue(refusal("--port", PORT, "--driver").startsWith("--driver needs a value"));
        assertTrue(refusal("--port", PORT, "--driver", "magnetic-cups", "extra").startsWith("unexpected 'extra'"));
    }

    @Test
    void theVirtualClockIsForTheSimulatorOnly() {
        List<String> words = new ArrayList<>(List.of("--port", PORT, "--driver", "magnetic-cups", "--virtual"));
        String message = assertThrows(IllegalArgumentException.class, () -> SerialDemoArguments.parse(words))
                .getMessage();
        assertTrue(message.startsWith("--virtual runs the demo on the simulator only"), message);
    }
}
