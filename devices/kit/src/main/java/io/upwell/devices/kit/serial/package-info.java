/**
 * A serial transport on jSerialComm, for drivers that talk to their device over RS-232, RS-485
 * adapters or USB serial ports.
 * <p>
 * A {@link io.upwell.devices.kit.serial.SerialLine} opens the configured path (a device node, a
 * {@code /dev/serial/by-id} link, or the link socat makes to a pseudo-terminal, which jSerialComm
 * does not enumerate) and resolves it afresh on every open, since the node behind a link may change
 * when the device comes back. It reads on a thread of its own and hands every chunk of bytes to a
 * {@link io.upwell.devices.kit.serial.LineListener}, writes from a bounded queue on another thread
 * so that {@code send} never blocks its caller, notices a lost device (a failed read, the path gone
 * or leading elsewhere), and reopens it after a delay that doubles up to a cap. Its
 * {@link io.upwell.devices.kit.serial.LineCounters} count bytes, dropped writes, opens and losses,
 * and the frames, checksum errors and resyncs the protocol reports.
 * <p>
 * {@link io.upwell.devices.kit.driver.SerialDeviceDriver} puts a line under a device driver; a
 * driver may also use a line directly.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.upwell.devices.kit.serial;
