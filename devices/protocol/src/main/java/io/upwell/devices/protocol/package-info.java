/**
 * The Upwell device protocol (docs/protocol.md): the one codec that a serial driver and the device
 * emulator share, so that both ends of a line read and write frames the same way.
 * <p>
 * {@link io.upwell.devices.protocol.FrameEncoder} turns a {@link io.upwell.devices.protocol.Message}
 * into the bytes of one frame. {@link io.upwell.devices.protocol.FrameDecoder} is fed whatever the
 * line delivers, in chunks split anywhere, with garbage, truncated and corrupted frames among the good
 * ones; it hands every good frame's message to a {@link io.upwell.devices.protocol.MessageListener}
 * and counts everything else by kind ({@link io.upwell.devices.protocol.DecoderCounters}). It never
 * throws on any input and holds at most one frame's worth of bytes.
 * <p>
 * Messages are records under the sealed {@link io.upwell.devices.protocol.Message}:
 * {@link io.upwell.devices.protocol.HostMessage} for what the engine's driver sends,
 * {@link io.upwell.devices.protocol.DeviceMessage} for what the device sends. Quantities are kept in
 * the wire's own units (vacuum in hundredths of a kPa) so that a message survives a round trip
 * exactly; {@link io.upwell.devices.protocol.Vacuum} converts at the edge.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.upwell.devices.protocol;
