package io.upwell.devices.example.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.devices.example.internal.ExampleProtocol.Greeting;
import io.upwell.devices.example.internal.ExampleProtocol.Sample;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The EX-2's framing and messages, byte for byte, without a line. */
class ExampleProtocolTest {

    /** What the decoder found, in order: a body, or "bad" / "skipped". */
    private final List<String> found = new ArrayList<>();
    private final LineDecoder decoder = new LineDecoder(new LineDecoder.Sink() {
        @Override
        public void line(String body) {
            found.add(body);
        }

        @Override
        public void badLine() {
            found.add("bad");
        }

        @Override
        public void skipped() {
            found.add("skipped");
        }
    });

    @Test
    void theHostsCommandsAreFramedWithTheXorOfTheirBodies() {
        // 'V'^'E'^'N'^'T'^' '^'1' = 0x56^0x45^0x4E^0x54^0x20^0x31 = 0x18
        assertEquals("VENT 1*18\n", ascii(ExampleProtocol.vent(1)));
        assertEquals("HELLO*" + ExampleProtocol.checksum("HELLO") + "\n", ascii(ExampleProtocol.hello()));
        assertEquals("SET 0 20.0*" + ExampleProtocol.checksum("SET 0 20.0") + "\n", ascii(ExampleProtocol.set(0, 19.96)));
    }

    @Test
    void linesAreFoundInChunksOfAnySizeAndAWrongChecksumIsNoMessage() {
        byte[] stream = bytes(frame("S 0 12.5") + "S 1 12.5*00\r\n" + frame("HI EX-2 2 60.0 SN00042 1.0"));
        for (byte b : stream) {
            decoder.feed(new byte[] {b}, 1); // one byte at a time: the worst a serial line does
        }

        assertEquals(List.of("S 0 12.5", "bad", "HI EX-2 2 60.0 SN00042 1.0"), found);
        assertEquals(new Sample(0, 12.5), ExampleProtocol.parseDeviceLine(found.get(0)));
        assertEquals(new Greeting("EX-2", 2, 60.0, "SN00042", "1.0"), ExampleProtocol.parseDeviceLine(found.get(2)));
    }

    @Test
    void anOverlongLineIsSkippedUpToTheNextLineEndAndTheStreamIsInStepAgain() {
        byte[] stream = bytes("x".repeat(500) + frame("S 1 3.0"));
        decoder.feed(stream, stream.length);

        assertEquals(List.of("skipped"), found, "the over-long line took the frame after it only up to its own end");
        decoder.feed(bytes(frame("S 1 3.0")), frame("S 1 3.0").length());
        assertEquals(List.of("skipped", "S 1 3.0"), found);
    }

    @Test
    void numbersThatAreNotTheProtocolsAreNoReading() {
        assertNull(ExampleProtocol.parseDeviceLine("S 0 Infinity"));
        assertNull(ExampleProtocol.parseDeviceLine("S 0 1e3"));
        assertNull(ExampleProtocol.parseDeviceLine("S 0 1234.0"));
        assertNull(ExampleProtocol.parseDeviceLine("S x 12.0"));
        assertTrue(Double.isNaN(((Sample) ExampleProtocol.parseDeviceLine("S 0 NAN")).kpa()),
                "a sensor that gives none is passed on as NaN, for the engine to judge");
        assertInstanceOf(ExampleProtocol.EmergencyStop.class, ExampleProtocol.parseDeviceLine("ESTOP"));
    }

    @Test
    void randomBytesNeverThrowAndEveryLineEndIsAccountedFor() {
        Random random = new Random(20240611L);
        byte[] chunk = new byte[97];
        for (int i = 0; i < 20_000; i++) {
            random.nextBytes(chunk);
            decoder.feed(chunk, 1 + random.nextInt(chunk.length));
        }
        assertTrue(found.size() > 1000, "random bytes hold a line end every 256 bytes or so: " + found.size());
        for (String body : found) {
            if (ExampleProtocol.parseDeviceLine(body) instanceof Sample s) {
                assertTrue(Double.isNaN(s.kpa()) || Math.abs(s.kpa()) < 1000, "reading " + s.kpa() + " from " + body);
            }
        }
    }

    private static String frame(String body) {
        return body + "*" + ExampleProtocol.checksum(body) + "\n";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
