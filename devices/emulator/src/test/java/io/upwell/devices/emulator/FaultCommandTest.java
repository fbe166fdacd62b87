package io.upwell.devices.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fault words, as a person types them, and the messages for the ones that are wrong. */
class FaultCommandTest {

    @Test
    void readsEveryFaultOfTheGrammar() {
        for (String spec : List.of("drop-bytes", "drop-bytes=off", "corrupt", "corrupt=on", "stall=2.5", "stall=0",
                "silent", "silent=off", "over-pressure=15", "over-pressure=off", "refuse", "refuse=4", "refuse=off",
                "refuse=not-ready", "refuse=faulted",
                "exit", "exit=3", "clear", "estop", "sim:leak@1", "sim:stuck-sensor", "sim:seal-lost@0=off")) {
            assertEquals(spec, FaultCommand.parse(spec).toString());
        }
        assertTrue(FaultCommand.parse("exit=2").isExit());
        assertFalse(FaultCommand.parse("stall=2").isExit());
    }

    @Test
    void aLineHoldsSeveralFaults() {
        assertEquals(3, FaultCommand.parseLine("  corrupt  stall=1 sim:leak@0 ").size());
        assertEquals(0, FaultCommand.parseLine("   ").size());
    }

    @Test
    void aWrongSpecIsRefusedNamingItAndWhatIsWrong() {
        assertMessage("stall", "fault 'stall': needs a value in seconds");
        assertMessage("stall=-1", "'-1' must be a finite number, 0 or more");
        assertMessage("over-pressure=lots", "'lots' is not a number");
        assertMessage("refuse=0", "0 is outside 1..255");
        assertMessage("refuse=sulking", "'sulking' is neither a code 1..255 nor a NAK reason (unknown-channel, out-of-range,");
        assertMessage("corrupt=maybe", "'maybe' is neither on nor off");
        assertMessage("sim:meltdown@1", "'meltdown' is not a simulator fault");
        assertMessage("jam", "unknown fault 'jam'");
    }

    private static void assertMessage(String spec, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultCommand.parse(spec));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(e.getMessage().contains("expected drop-bytes"), "the message lists the grammar: " + e.getMessage());
    }
}
