/**
 * A driver base for devices on a serial line: a vendor extends
 * {@link io.upwell.devices.kit.driver.SerialDeviceDriver} with the device's protocol only.
 * <p>
 * The base is the {@link io.upwell.api.device.DeviceDriver} the engine sees. It owns the threads
 * (the line's reader and writer, and a driver thread), opens the line by path, lets the protocol
 * {@linkplain io.upwell.devices.kit.driver.SerialDeviceDriver#negotiate() negotiate} and checks the
 * identity the device gives against the configured descriptor, vents every channel before anything
 * else, then hands the protocol each tick's commands at the device's pace. It vents by itself while
 * the engine's command sequence stands still (the device-side failsafe), reports a device that says
 * nothing for longer than its quiet time, and on any loss reports DISCONNECTED and reconnects with
 * back-off, never resuming anything: after every reconnection the first command is vent, and from
 * then on the device does what the link says. The protocol writes three methods:
 * {@code decode} (bytes in), {@code negotiate} (the handshake) and {@code exchange} (commands out).
 * <p>
 * 1.1: {@link io.upwell.devices.kit.driver.AnswerWatcher} and {@code watchAnswers}, to time a device's
 * answers.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.upwell.devices.kit.driver;
