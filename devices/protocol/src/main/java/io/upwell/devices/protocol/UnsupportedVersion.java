package io.upwell.devices.protocol;

import io.upwell.devices.protocol.internal.Checks;

/**
 * A HELLO_REPLY from a device that speaks another protocol version. Only the reply's first byte, the
 * version, is the same in every version; the rest is not read. The host reports the version and
 * disconnects (docs/protocol.md, "Versions"); it sends the device no command.
 *
 * @param protocolVersion the device's version, 0 to 255 but never {@value Protocol#VERSION}
 */
public record UnsupportedVersion(int protocolVersion) implements DeviceMessage {

    public UnsupportedVersion {
        Checks.u8("protocolVersion", protocolVersion);
        if (protocolVersion == Protocol.VERSION) {
            throw new IllegalArgumentException("version " + Protocol.VERSION + " is supported: use HelloReply");
        }
    }

    @Override
    public MessageType type() {
        return MessageType.HELLO_REPLY;
    }
}
