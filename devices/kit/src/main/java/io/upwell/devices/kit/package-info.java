/**
 * The small pieces every driver needs, whatever its line: {@link io.upwell.devices.kit.BackOff}
 * (reconnection delays that double up to a cap) and {@link io.upwell.devices.kit.CommandWatchdog}
 * (the device-side failsafe's test of the engine's command sequence).
 * <p>
 * Both are plain classes owned by one thread, with no threads or clocks of their own: the caller
 * hands them the time, so they behave the same under the engine's system and virtual clocks. The
 * simulator uses them as they are; {@link io.upwell.devices.kit.serial} and
 * {@link io.upwell.devices.kit.driver} build on them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.upwell.devices.kit;
