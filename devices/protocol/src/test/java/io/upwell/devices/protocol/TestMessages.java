package io.upwell.devices.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Messages for tests: one or more of every type, edge values included, and random valid ones. */
final class TestMessages {

    private TestMessages() {
    }

    /** A small HELLO_REPLY: two channels, one with a level magnet. */
    static HelloReply smallReply() {
        return new HelloReply("SN-0042", "Upwell", "MC-2", 8000, 50, 250,
                List.of(new ChannelInfo(8000, MagnetKind.LEVEL), new ChannelInfo(6000, MagnetKind.NONE)));
    }

    /** The largest HELLO_REPLY there can be: 255 channels, 32-byte texts (some in multi-byte UTF-8). */
    static HelloReply largestReply() {
        List<ChannelInfo> channels = new ArrayList<>();
        for (int ch = 0; ch < Protocol.MAX_CHANNELS; ch++) {
            channels.add(new ChannelInfo(1 + ch * 257, MagnetKind.values()[ch % 3]));
        }
        return new HelloReply("S".repeat(32), "Ünterdruck äöü ß" + "x".repeat(11), "€".repeat(10) + "ab", 0xFFFF,
                Protocol.MAX_SAMPLE_RATE_HZ, 0xFFFF, channels);
    }

    /** At least one message of every type, with the edge values of their fields. */
    static List<Message> everyType() {
        int[] extremes = {0, 1, -1, Short.MAX_VALUE, -Short.MAX_VALUE, Sample.NO_READING, 4000};
        return List.of(
                Hello.current(),
                new Hello(0xFF),
                new Heartbeat(0),
                new Heartbeat(0xFFFF_FFFFL),
                new SetPoint(0, 0),
                new SetPoint(254, 0xFFFF),
                new Vent(3),
                Vent.all(),
                new Magnet(0, 0),
                new Magnet(254, Magnet.FULL),
                smallReply(),
                largestReply(),
                new HelloReply("x", "", "", 1, 1, 1, List.of(new ChannelInfo(1, MagnetKind.ON_OFF))),
                new UnsupportedVersion(2),
                new UnsupportedVersion(0),
                Ack.of(255, MessageType.SET_POINT),
                new Ack(0, 0x7F),
                Nak.of(17, MessageType.MAGNET.code(), NakReason.NOT_SUPPORTED),
                new Nak(255, 0xFF, 0xFF),
                new Sample(new int[] {1234}),
                new Sample(extremes),
                new Sample(new int[Protocol.MAX_CHANNELS]),
                Fault.of(FaultCode.WATCHDOG_VENT, Protocol.ALL_CHANNELS, 0),
                new Fault(0xFF, 0, 0xFFFF));
    }

    /** A random valid message of a random type. */
    static Message random(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> new Hello(random.nextInt(256));
            case 1 -> new Heartbeat(random.nextLong() & 0xFFFF_FFFFL);
            case 2 -> new SetPoint(random.nextInt(255), random.nextInt(0x10000));
            case 3 -> new Vent(random.nextInt(256));
            case 4 -> new Magnet(random.nextInt(255), random.nextInt(256));
            case 5 -> randomReply(random);
            case 6 -> new Ack(random.nextInt(256), random.nextInt(256));
            case 7 -> new Nak(random.nextInt(256), random.nextInt(256), random.nextInt(256));
            case 8 -> randomSample(random);
            default -> new Fault(random.nextInt(256), random.nextInt(256), random.nextInt(0x10000));
        };
    }

    private static HelloReply randomReply(Random random) {
        int count = 1 + random.nextInt(random.nextBoolean() ? 8 : Protocol.MAX_CHANNELS);
        List<ChannelInfo> channels = new ArrayList<>(count);
        for (int ch = 0; ch < count; ch++) {
            channels.add(new ChannelInfo(1 + random.nextInt(0xFFFF), MagnetKind.values()[random.nextInt(3)]));
        }
        return new HelloReply("SN-" + random.nextInt(1_000_000), "vendor", "model " + random.nextInt(100),
                1 + random.nextInt(0xFFFF), 1 + random.nextInt(Protocol.MAX_SAMPLE_RATE_HZ),
                1 + random.nextInt(0xFFFF), channels);
    }

    private static Sample randomSample(Random random) {
        int[] readings = new int[1 + random.nextInt(random.nextBoolean() ? 16 : Protocol.MAX_CHANNELS)];
        for (int ch = 0; ch < readings.length; ch++) {
            readings[ch] = random.nextInt(0x10000) + Short.MIN_VALUE;
        }
        return new Sample(readings);
    }
}
