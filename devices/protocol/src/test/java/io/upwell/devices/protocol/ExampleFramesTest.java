package io.upwell.devices.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The frames docs/protocol.md prints are the codec's, byte for byte, both ways. */
class ExampleFramesTest {

    private record Example(int sequence, Message message, String hex) {
    }

    private static final List<Example> EXAMPLES = List.of(
            new Example(0, Hello.current(), "A5 01 00 01 00 01 4C 9C"),
            new Example(0, TestMessages.smallReply(),
                    "A5 22 00 81 00 01 40 1F 32 00 FA 00 02 07 53 4E 2D 30 30 34 32 06 55 70 77 65 6C 6C 04 4D 43 2D 32 "
                            + "40 1F 02 70 17 00 37 D3"),
            new Example(1, new SetPoint(0, 4000), "A5 03 00 03 01 00 A0 0F BB 5D"),
            new Example(1, Ack.of(1, MessageType.SET_POINT), "A5 02 00 82 01 01 03 62 81"),
            new Example(2, Vent.all(), "A5 01 00 04 02 FF 0F 1F"),
            new Example(3, new Magnet(0, 128), "A5 02 00 05 03 00 80 CD F1"),
            new Example(2, Nak.of(3, MessageType.MAGNET.code(), NakReason.NOT_SUPPORTED), "A5 03 00 83 02 03 05 03 E0 9E"),
            new Example(4, new Heartbeat(1234), "A5 04 00 02 04 D2 04 00 00 BE A5"),
            new Example(7, new Sample(new int[] {3998, -12}), "A5 05 00 84 07 02 9E 0F F4 FF 42 00"),
            new Example(8, Fault.of(FaultCode.WATCHDOG_VENT, Protocol.ALL_CHANNELS, 0), "A5 04 00 85 08 04 FF 00 00 CD AE"));

    @Test
    void eachExampleEncodesToTheBytesTheProtocolPagePrints() {
        for (Example example : EXAMPLES) {
            assertArrayEquals(Frames.hex(example.hex()), FrameEncoder.encode(example.sequence(), example.message()),
                    example.message().toString());
        }
    }

    @Test
    void eachExampleDecodesToItsMessage() {
        for (Example example : EXAMPLES) {
            Recorder recorder = Frames.decode(Frames.hex(example.hex()));
            assertEquals(List.of(example.message()), recorder.messages);
            assertEquals(List.of(example.sequence()), recorder.sequences);
        }
    }

    @Test
    void theProtocolPagePrintsEveryExample() throws IOException {
        String page = Files.readString(Path.of("../../docs/protocol.md"), StandardCharsets.UTF_8);
        for (Example example : EXAMPLES) {
            assertTrue(page.contains("`" + example.hex() + "`"), "docs/protocol.md lacks " + example.hex());
        }
    }
}
