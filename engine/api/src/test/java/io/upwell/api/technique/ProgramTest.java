package io.upwell.api.technique;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ProgramTest {

    @Test
    void durationIsTheLongestTimeline() {
        Program program = new Program("p", List.of(
                new Timeline(0, List.of(new Segment.Ramp(40, Duration.ofSeconds(5)),
                        new Segment.Hold(40, Duration.ofSeconds(60)), new Segment.Release(Duration.ofSeconds(3)))),
                new Timeline(1, List.of(new Segment.Pulse(0, 20, Duration.ofSeconds(10), Duration.ofSeconds(7), 4)))));
        assertEquals(Duration.ofSeconds(68), program.duration());
    }

    /** A technique cannot hand the core NaN or out-of-range levels: the records refuse them (SR-11). */
    @Test
    @Tag("SR-11")
    @Tag("SR-17")
    void segmentsRejectBadNumbersNamingTheField() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> new Segment.Hold(Double.NaN, Duration.ofSeconds(1)));
        assertTrue(nan.getMessage().contains("hold: kpa"), nan.getMessage());
        IllegalArgumentException pulse = assertThrows(IllegalArgumentException.class,
                () -> new Segment.Pulse(30, 20, Duration.ofSeconds(1), Duration.ofSeconds(1), 1));
        assertTrue(pulse.getMessage().contains("lowKpa"), pulse.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Segment.Ramp(10, Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> new Segment.Wave(10, 11, Duration.ofSeconds(4), 0, Duration.ofSeconds(20)));
        IllegalArgumentException tooHigh = assertThrows(IllegalArgumentException.class,
                () -> new Segment.Ramp(250, Duration.ofSeconds(5)));
        assertTrue(tooHigh.getMessage().contains("ramp: toKpa"), tooHigh.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Segment.Hold(Double.POSITIVE_INFINITY, Duration.ofSeconds(1)));
    }

    @Test
    @Tag("SR-17")
    void aCupMayHaveOnlyOneTimeline() {
        Timeline a = new Timeline(0, List.of(new Segment.Hold(10, Duration.ofSeconds(1))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Program("twice", List.of(a, a)));
        assertTrue(e.getMessage().contains("cup 0"), e.getMessage());
    }
}
