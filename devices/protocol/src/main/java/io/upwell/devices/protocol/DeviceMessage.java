package io.upwell.devices.protocol;

/** What the device sends to the host. */
public sealed interface DeviceMessage extends Message
        permits HelloReply, UnsupportedVersion, Ack, Nak, Sample, Fault {
}
