package io.upwell.engine.testkit;

import static io.upwell.api.device.ConnectionState.CONNECTED;
import static io.upwell.api.device.ConnectionState.CONNECTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.engine.testkit.RecordingLink.ConnectionChange;
import io.upwell.engine.testkit.RecordingLink.Sample;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingLinkTest {
    private final ManualClock clock = new ManualClock();
    private final RecordingLink link = new RecordingLink(clock, 2);

    @Test
    void everyChannelStartsVentedWithNoTargetOrMagnet() {
        assertSame(clock, link.clock());
        for (int channel = 0; channel < 2; channel++) {
            assertTrue(link.vent(channel));
            assertEquals(0.0, link.targetKpa(channel));
            assertEquals(0.0, link.magnetLevel(channel));
        }
    }

    @Test
    void commandsReachTheDriverChannelByChannel() {
        link.commandHold(1, 40);
        link.commandMagnet(1, 0.6);
        assertFalse(link.vent(1));
        assertEquals(40.0, link.targetKpa(1));
        assertEquals(0.6, link.magnetLevel(1));
        assertTrue(link.vent(0), "the other channel still vents");

        link.commandVent(1);
        assertTrue(link.vent(1));
        assertEquals(0.0, link.targetKpa(1), "venting has no target");
    }

    @Test
    void theCommandSequenceAdvancesEveryEnginePeriodOnlyWhileTheEngineTicks() {
        clock.advance(Duration.ofSeconds(1));
        assertEquals(0, link.commandSequence(), "no engine, no ticks");

        link.startEngineTicks();
        clock.advance(Duration.ofMillis(100));
        assertEquals(5, link.commandSequence());
        assertThrows(IllegalStateException.class, link::startEngineTicks);

        link.stopEngineTicks();
        link.stopEngineTicks();
        clock.advance(Duration.ofMillis(100));
        assertEquals(5, link.commandSequence(), "a stopped engine's sequence stands still");
        link.startEngineTicks();
        clock.advance(Duration.ofMillis(20));
        assertEquals(6, link.commandSequence());
    }

    @Test
    void recordsSamplesConnectionChangesAndEmergencyStopsWithTheClocksTime() {
        link.connectionChanged(CONNECTING, "opening");
        clock.advance(Duration.ofMillis(10));
        link.sample(0, 1.5);
        link.sample(1, Double.NaN);
        link.connectionChanged(CONNECTED, "up");
        clock.advance(Duration.ofMillis(10));
        link.sample(0, 2.5);
        link.emergencyStop("front button");

        assertEquals(List.of(new Sample(0, 1.5, 10_000_000L), new Sample(1, Double.NaN, 10_000_000L),
                new Sample(0, 2.5, 20_000_000L)), link.samples());
        assertEquals(3, link.sampleCount());
        assertEquals(List.of(1.5, 2.5), link.samplesOf(0));
        assertEquals(2.5, link.lastSample(0));
        assertTrue(Double.isNaN(link.lastSample(1)));
        assertEquals(List.of(new ConnectionChange(CONNECTING, "opening", 0L), new ConnectionChange(CONNECTED, "up",
                10_000_000L)), link.connectionChanges());
        assertEquals(List.of(CONNECTING, CONNECTED), link.connectionStates());
        assertEquals(List.of("front button"), link.emergencyStops());
    }

    @Test
    void aChannelTheDeviceDoesNotHaveIsRefusedNamingTheRange() {
        IllegalArgumentException sample = assertThrows(IllegalArgumentException.class, () -> link.sample(2, 1.0));
        assertEquals("channel 2 is out of range: the device has channels 0..1", sample.getMessage());
        assertThrows(IllegalArgumentException.class, () -> link.targetKpa(-1));
        assertThrows(IllegalArgumentException.class, () -> link.commandHold(5, 10));
        assertThrows(IllegalArgumentException.class, () -> new RecordingLink(clock, 0));
    }

    @Test
    void aChannelNotYetSampledFailsTheTestRatherThanInventingAValue() {
        AssertionError none = assertThrows(AssertionError.class, () -> link.lastSample(0));
        assertEquals("channel 0 has not been sampled yet", none.getMessage());
    }

    @Test
    void snapshotsDoNotChangeAsMoreArrives() {
        List<Sample> before = link.samples();
        link.sample(0, 1.0);
        assertEquals(List.of(), before);
        assertThrows(UnsupportedOperationException.class, () -> link.samples().add(new Sample(0, 0, 0)));
    }
}
