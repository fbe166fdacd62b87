package io.upwell.devices.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Messages refuse values the wire cannot carry, and convert to the engine's units at the edge. */
class MessageValuesTest {

    @Test
    void constructorsRefuseValuesTheWireCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> new SetPoint(255, 0));
        assertThrows(IllegalArgumentException.class, () -> new SetPoint(0, 0x10000));
        assertThrows(IllegalArgumentException.class, () -> new Magnet(0, 256));
        assertThrows(IllegalArgumentException.class, () -> new Vent(-1));
        assertThrows(IllegalArgumentException.class, () -> new Heartbeat(-1));
        assertThrows(IllegalArgumentException.class, () -> new Sample(new int[0]));
        assertThrows(IllegalArgumentException.class, () -> new Sample(new int[] {Short.MAX_VALUE + 1}));
        assertThrows(IllegalArgumentException.class, () -> new UnsupportedVersion(Protocol.VERSION));
        assertThrows(IllegalArgumentException.class, () -> new HelloReply(" ", "", "", 1, 1, 1,
                List.of(new ChannelInfo(1, MagnetKind.NONE))));
        assertThrows(IllegalArgumentException.class, () -> new HelloReply("id\uD800", "", "", 1, 1, 1,
                List.of(new ChannelInfo(1, MagnetKind.NONE))));
        assertThrows(IllegalArgumentException.class, () -> Fault.of(FaultCode.UNKNOWN, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> FrameEncoder.encode(256, Vent.all()));
    }

    @Test
    void setPointConversionRoundsAndHoldsEveryKpaValueToTheWireRange() {
        assertEquals(4000, Vacuum.setPoint(40.0));
        assertEquals(1, Vacuum.setPoint(0.005));
        assertEquals(0, Vacuum.setPoint(-3));
        assertEquals(0, Vacuum.setPoint(Double.NaN));
        assertEquals(0xFFFF, Vacuum.setPoint(1e9));
        assertEquals(40.0, new SetPoint(0, 4000).vacuumKpa());
    }

    @Test
    void readingConversionKeepsTheSignAndMapsNaNToNoReading() {
        assertEquals(-12, Vacuum.reading(-0.12));
        assertEquals(Sample.NO_READING, Vacuum.reading(Double.NaN));
        assertEquals(Short.MAX_VALUE, Vacuum.reading(1e9));
        assertEquals(-Short.MAX_VALUE, Vacuum.reading(-1e9));
        Sample sample = new Sample(new int[] {3998, Sample.NO_READING});
        assertEquals(39.98, sample.kpa(0));
        assertTrue(Double.isNaN(sample.kpa(1)));
    }

    @Test
    void magnetLevelFromTheEngineScaleIsRoundedAndHeld() {
        assertEquals(255, Magnet.of(0, 1.0).level());
        assertEquals(128, Magnet.of(0, 0.5).level());
        assertEquals(0, Magnet.of(0, Double.NaN).level());
        assertEquals(255, Magnet.of(0, 7).level());
    }

    @Test
    void heartbeatKeepsTheLow32BitsOfTheCommandSequence() {
        assertEquals(5, Heartbeat.of(0x1_0000_0005L).engineSequence());
    }

    @Test
    void sampleCopiesItsReadingsInAndOut() {
        int[] readings = {1, 2};
        Sample sample = new Sample(readings);
        readings[0] = 99;
        sample.readings()[1] = 99;
        assertArrayEquals(new int[] {1, 2}, sample.readings());
    }
}
