package io.upwell.devices.protocol.internal;

import io.upwell.devices.protocol.Ack;
import io.upwell.devices.protocol.ChannelInfo;
import io.upwell.devices.protocol.Fault;
import io.upwell.devices.protocol.Heartbeat;
import io.upwell.devices.protocol.Hello;
import io.upwell.devices.protocol.HelloReply;
import io.upwell.devices.protocol.MagnetKind;
import io.upwell.devices.protocol.Magnet;
import io.upwell.devices.protocol.Message;
import io.upwell.devices.protocol.MessageType;
import io.upwell.devices.protocol.Nak;
import io.upwell.devices.protocol.Protocol;
import io.upwell.devices.protocol.Sample;
import io.upwell.devices.protocol.SetPoint;
import io.upwell.devices.protocol.UnsupportedVersion;
import io.upwell.devices.protocol.Vent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte layout of every message's payload (docs/protocol.md, "Messages"), both ways. All fields are
 * little-endian. Reading checks the payload's length against its type and every value through the
 * message's own constructor.
 */
public final class Payloads {

    /** HELLO_REPLY's fields before the texts: version, maximum, rate, watchdog, channel count. */
    private static final int HELLO_REPLY_FIXED = 8;

    private Payloads() {
    }

    /** The payload's length in bytes. */
    public static int length(Message message) {
        return switch (message.type()) {
            case HELLO, VENT -> 1;
            case MAGNET, ACK -> 2;
            case SET_POINT, NAK -> 3;
            case HEARTBEAT, FAULT -> 4;
            case SAMPLE -> 1 + 2 * ((Sample) message).channelCount();
            case HELLO_REPLY -> message instanceof HelloReply reply ? helloReplyLength(reply) : 1;
        };
    }

    private static int helloReplyLength(HelloReply reply) {
        return HELLO_REPLY_FIXED + 3 + utf8(reply.deviceId()).length + utf8(reply.vendor()).length
                + utf8(reply.model()).length + 3 * reply.channels().size();
    }

    /** Writes the payload at {@code offset} and returns its length. */
    public static int write(Message message, byte[] out, int offset) {
        PayloadWriter w = new PayloadWriter(out, offset);
        switch (message.type()) {
            case HELLO -> w.u8(((Hello) message).protocolVersion());
            case HEARTBEAT -> w.u32(((Heartbeat) message).engineSequence());
            case SET_POINT -> {
                SetPoint setPoint = (SetPoint) message;
                w.u8(setPoint.channel());
                w.u16(setPoint.vacuumCentiKpa());
            }
            case VENT -> w.u8(((Vent) message).channel());
            case MAGNET -> {
                Magnet magnet = (Magnet) message;
                w.u8(magnet.channel());
                w.u8(magnet.level());
            }
            case HELLO_REPLY -> writeHelloReply(message, w);
            case ACK -> {
                Ack ack = (Ack) message;
                w.u8(ack.commandSequence());
                w.u8(ack.commandType());
            }
            case NAK -> {
                Nak nak = (Nak) message;
                w.u8(nak.commandSequence());
                w.u8(nak.commandType());
                w.u8(nak.reasonCode());
            }
            case SAMPLE -> {
                Sample sample = (Sample) message;
                w.u8(sample.channelCount());
                for (int ch = 0; ch < sample.channelCount(); ch++) {
                    w.u16(sample.reading(ch) & 0xFFFF);
                }
            }
            case FAULT -> {
                Fault fault = (Fault) message;
                w.u8(fault.code());
                w.u8(fault.channel());
                w.u16(fault.detail());
            }
        }
        return w.position() - offset;
    }

    private static void writeHelloReply(Message message, PayloadWriter w) {
        if (message instanceof UnsupportedVersion other) {
            w.u8(other.protocolVersion());
            return;
        }
        HelloReply reply = (HelloReply) message;
        w.u8(Protocol.VERSION);
        w.u16(reply.maxVacuumCentiKpa());
        w.u16(reply.sampleRateHz());
        w.u16(reply.watchdogMillis());
        w.u8(reply.channels().size());
        w.text(utf8(reply.deviceId()));
        w.text(utf8(reply.vendor()));
        w.text(utf8(reply.model()));
        for (ChannelInfo channel : reply.channels()) {
            w.u16(channel.maxVacuumCentiKpa());
            w.u8(channel.magnet().code());
        }
    }

    /**
     * The message in {@code length} bytes of payload from {@code offset}, or null when the payload does
     * not fit the type: wrong length, a value out of range, a text that is not UTF-8.
     */
    public static Message read(MessageType type, byte[] in, int offset, int length) {
        PayloadReader r = new PayloadReader(in, offset, length);
        try {
            Message message = switch (type) {
                case HELLO -> new Hello(r.u8());
                case HEARTBEAT -> new Heartbeat(r.u32());
                case SET_POINT -> new SetPoint(r.u8(), r.u16());
                case VENT -> new Vent(r.u8());
                case MAGNET -> new Magnet(r.u8(), r.u8());
                case HELLO_REPLY -> readHelloReply(r);
                case ACK -> new Ack(r.u8(), r.u8());
                case NAK -> new Nak(r.u8(), r.u8(), r.u8());
                case SAMPLE -> readSample(r);
                case FAULT -> new Fault(r.u8(), r.u8(), r.u16());
            };
            r.expectEnd();
            return message;
        } catch (MalformedPayload | IllegalArgumentException e) {
            return null;
        }
    }

    private static Message readHelloReply(PayloadReader r) {
        int version = r.u8();
        if (version != Protocol.VERSION) {
            // Only the version byte is common to every version's reply: the rest is not ours to read.
            r.skipRest();
            return new UnsupportedVersion(version);
        }
        int maxVacuum = r.u16();
        int sampleRate = r.u16();
        int watchdog = r.u16();
        int channelCount = r.u8();
        String deviceId = r.text();
        String vendor = r.text();
        String model = r.text();
        if (r.remaining() != 3 * channelCount) {
            throw new MalformedPayload("channel table does not match the channel count");
        }
        List<ChannelInfo> channels = new ArrayList<>(channelCount);
        for (int ch = 0; ch < channelCount; ch++) {
            int channelMax = r.u16();
            MagnetKind magnet = MagnetKind.of(r.u8());
            if (magnet == null) {
                throw new MalformedPayload("unknown magnet kind");
            }
            channels.add(new ChannelInfo(channelMax, magnet));
        }
        return new HelloReply(deviceId, vendor, model, maxVacuum, sampleRate, watchdog, channels);
    }

    private static Sample readSample(PayloadReader r) {
        int channelCount = r.u8();
        if (r.remaining() != 2 * channelCount) {
            throw new MalformedPayload("readings do not match the channel count");
        }
        int[] readings = new int[channelCount];
        for (int ch = 0; ch < channelCount; ch++) {
            readings[ch] = r.i16();
        }
        return new Sample(readings);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
