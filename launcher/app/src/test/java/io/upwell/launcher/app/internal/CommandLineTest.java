package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void noArgumentsStartsTheShell() {
        assertEquals(CommandLine.SHELL, CommandLine.parse(List.of()));
    }

    @Test
    void demoRunsInRealTimeUnlessAskedForVirtualTime() {
        assertEquals(CommandLine.DEMO, CommandLine.parse(List.of("demo")));
        assertEquals(CommandLine.DEMO_VIRTUAL, CommandLine.parse(List.of("demo", "--virtual")));
    }

    @Test
    void techniquesAndSimulateAreCommandsOfTheirOwn() {
        assertEquals(CommandLine.TECHNIQUES, CommandLine.parse(List.of("techniques")));
        assertEquals(CommandLine.SIMULATE, CommandLine.parse(List.of("simulate")));
        assertEquals(CommandLine.SIMULATE, CommandLine.parse(List.of("simulate", "static-cupping", "--out", "x")));
        assertEquals(CommandLine.RECORDS, CommandLine.parse(List.of("records", "list", "--client", "C-1")));
        assertEquals(CommandLine.RECORDS, CommandLine.parse(List.of("records")));
        assertEquals(CommandLine.USAGE, CommandLine.parse(List.of("techniques", "--all")));
        assertTrue(CommandLine.USAGE_TEXT.contains("techniques"));
        assertTrue(CommandLine.USAGE_TEXT.contains("simulate TECHNIQUE-ID"));
    }

    @Test
    void demoWithOptionsOtherThanVirtualIsTheDemoOnASerialLine() {
        assertEquals(CommandLine.DEMO_SERIAL,
                CommandLine.parse(List.of("demo", "--port", "/dev/ttyUSB0", "--driver", "magnetic-cups")));
        // Read by the serial demo's own parser, which names what is wrong (SerialDemoArgumentsTest).
        assertEquals(CommandLine.DEMO_SERIAL, CommandLine.parse(List.of("demo", "--fast")));
        assertEquals(CommandLine.DEMO_SERIAL, CommandLine.parse(List.of("demo", "--virtual", "x")));
        assertTrue(CommandLine.USAGE_TEXT.contains("demo --port PATH --driver interval-vacuum|magnetic-cups"));
    }

    @Test
    void anythingElseIsAUsageError() {
        assertEquals(CommandLine.USAGE, CommandLine.parse(List.of("--virtual", "demo")));
        assertEquals(CommandLine.USAGE, CommandLine.parse(List.of("Demo")));
        assertEquals(CommandLine.USAGE, CommandLine.parse(List.of("--help")));
    }

    @Test
    void theUsageTextNamesEveryModeAndTheUsageExitCode() {
        assertTrue(CommandLine.USAGE_TEXT.contains("demo --virtual"));
        assertTrue(CommandLine.USAGE_TEXT.contains(ExitCodes.USAGE + " usage"));
        assertEquals(2, ExitCodes.USAGE);
    }
}
