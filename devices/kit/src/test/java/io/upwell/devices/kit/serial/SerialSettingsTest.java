package io.upwell.devices.kit.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings are checked when made, and a refusal names the setting and the value. */
class SerialSettingsTest {

    @Test
    void theCommonFramingIs8N1() {
        SerialSettings settings = SerialSettings.of("/dev/ttyUSB0", 19200);
        assertEquals("8N1", settings.framing());
        assertEquals("/dev/ttyUSB0 at 19200 baud 8N1", settings.toString());
        assertEquals("7E1.5", new SerialSettings("/dev/ttyS1", 9600, 7, Parity.EVEN, StopBits.ONE_POINT_FIVE).framing());
        assertEquals("/dev/ttyS2", settings.withPath("/dev/ttyS2").path());
    }

    @Test
    void aBadValueIsRefusedNamingIt() {
        assertEquals("serial path must not be blank; give the device's path, such as /dev/ttyUSB0",
                refusal(() -> SerialSettings.of(" ", 9600)));
        assertEquals("serial path must be absolute, such as /dev/ttyUSB0 or /dev/serial/by-id/<id>, got 'ttyUSB0'",
                refusal(() -> SerialSettings.of("ttyUSB0", 9600)));
        assertEquals("serial line /dev/ttyUSB0: baud must be 50 to 4000000, got 0",
                refusal(() -> SerialSettings.of("/dev/ttyUSB0", 0)));
        assertEquals("serial line /dev/ttyUSB0: baud must be 50 to 4000000, got 5000000",
                refusal(() -> SerialSettings.of("/dev/ttyUSB0", 5_000_000)));
        assertEquals("serial line /dev/ttyUSB0: data bits must be 5 to 8, got 9",
                refusal(() -> new SerialSettings("/dev/ttyUSB0", 9600, 9, Parity.NONE, StopBits.ONE)));
        assertEquals("serial line /dev/ttyUSB0: data bits must be 5 to 8, got 4",
                refusal(() -> new SerialSettings("/dev/ttyUSB0", 9600, 4, Parity.NONE, StopBits.ONE)));
        assertThrows(NullPointerException.class, () -> new SerialSettings("/dev/ttyUSB0", 9600, 8, null, StopBits.ONE));
    }

    @Test
    void lineOptionsAreCheckedToo() {
        assertEquals("the first back-off delay must be positive, got PT0S",
                refusal(() -> LineOptions.defaults().withBackOff(Duration.ZERO, Duration.ofSeconds(1))));
        assertEquals("the longest back-off delay (PT0.1S) must not be shorter than the first (PT1S)",
                refusal(() -> LineOptions.defaults().withBackOff(Duration.ofSeconds(1), Duration.ofMillis(100))));
        assertEquals("the write queue holds 1 to 4096 frames, got 0",
                refusal(() -> LineOptions.defaults().withWriteQueueFrames(0)));
        assertEquals(64, LineOptions.defaults().writeQueueFrames());
    }

    private static String refusal(org.junit.jupiter.api.function.Executable making) {
        return assertThrows(IllegalArgumentException.class, making).getMessage();
    }
}
