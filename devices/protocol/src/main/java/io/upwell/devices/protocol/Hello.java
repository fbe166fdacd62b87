package io.upwell.devices.protocol;

import io.upwell.devices.protocol.internal.Checks;

/**
 * The host opens every conversation with HELLO, naming the protocol version it speaks. The device
 * vents every channel, forgets its set points and answers with a {@link HelloReply} (or, if it speaks
 * another version, with a reply the host decodes as {@link UnsupportedVersion}).
 *
 * @param protocolVersion the host's protocol version, 0 to 255
 */
public record Hello(int protocolVersion) implements HostMessage {

    public Hello {
        Checks.u8("protocolVersion", protocolVersion);
    }

    /** HELLO for the version this codec speaks. */
    public static Hello current() {
        return new Hello(Protocol.VERSION);
    }

    @Override
    public MessageType type() {
        return MessageType.HELLO;
    }
}
