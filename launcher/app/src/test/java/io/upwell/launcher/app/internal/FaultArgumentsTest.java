package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.devices.simulator.Fault;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultArgumentsTest {

    @Test
    void aFaultWithoutChannelGoesToEveryChannel() {
        FaultArguments arguments = FaultArguments.parse(List.of("leak"));
        assertTrue(arguments.inject());
        assertEquals(Optional.of(Fault.LEAK), arguments.fault());
        assertEquals(FaultArguments.EVERY_CHANNEL, arguments.channel());
    }

    @Test
    void aFaultOnOneChannelAcceptsDashedNames() {
        FaultArguments arguments = FaultArguments.parse(List.of("stuck-sensor", "2"));
        assertEquals(Optional.of(Fault.STUCK_SENSOR), arguments.fault());
        assertEquals(2, arguments.channel());
        assertEquals("sim-1 channel 2", arguments.where("sim-1"));
    }

    @Test
    void clearTakesAnOptionalFaultAndChannel() {
        FaultArguments everything = FaultArguments.parse(List.of("clear"));
        assertFalse(everything.inject());
        assertTrue(everything.fault().isEmpty());
        assertEquals(FaultArguments.EVERY_CHANNEL, everything.channel());

        FaultArguments oneFault = FaultArguments.parse(List.of("clear", "OVERSHOOT", "1"));
        assertEquals(Optional.of(Fault.OVERSHOOT), oneFault.fault());
        assertEquals(1, oneFault.channel());

        FaultArguments oneChannel = FaultArguments.parse(List.of("clear", "3"));
        assertTrue(oneChannel.fault().isEmpty());
        assertEquals(3, oneChannel.channel());
    }

    @Test
    void aDeviceCanBeNamedAnywhere() {
        FaultArguments arguments = FaultArguments.parse(List.of("device=sim-2", "silence"));
        assertEquals(Optional.of("sim-2"), arguments.device());
        assertEquals(Optional.of(Fault.SILENCE), arguments.fault());
    }

    @Test
    void badInputIsRefusedNamingWhatIsWrong() {
        assertMessage("unknown fault 'fire'", List.of("fire"));
        assertMessage("usage", List.of());
        assertMessage("which fault?", List.of("1"));
        assertMessage("channel 'x' is not a whole number", List.of("leak", "x"));
        assertMessage("unexpected '4'", List.of("leak", "1", "4"));
    }

    private static void assertMessage(String expected, List<String> words) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> FaultArguments.parse(words));
        assertTrue(refused.getMessage().contains(expected), "'" + refused.getMessage() + "' should say: " + expected);
    }

    @Test
    void aChannelBeyondTheIntRangeIsRefusedInOneClearLine() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> FaultArguments.parse(List.of("leak", "99999999999")));
        assertEquals("channel 99999999999 is out of range (0 to 2147483647)", refused.getMessage());
    }

    @Test
    void aNegativeChannelIsRefusedRatherThanTakenForEveryChannel() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> FaultArguments.parse(List.of("leak", "-1")));
        assertTrue(refused.getMessage().startsWith("channel -1 is negative"), refused.getMessage());
    }
}
