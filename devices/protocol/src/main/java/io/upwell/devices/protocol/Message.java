package io.upwell.devices.protocol;

/**
 * One message of the protocol: the payload of one frame, with its type. A message's fields are in
 * wire units and every constructor refuses a value the wire cannot carry, so whatever exists can be
 * encoded and decodes back equal.
 */
public sealed interface Message permits HostMessage, DeviceMessage {

    /** The message's type, which the frame header carries. */
    MessageType type();
}
