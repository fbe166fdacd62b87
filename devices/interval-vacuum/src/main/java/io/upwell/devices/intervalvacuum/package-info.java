/**
 * The interval vacuum system's driver: Modbus RTU master framing on the driver kit's serial line, the
 * handshake and command cycle of {@code docs/interval-vacuum.md} section 7, and the Declarative
 * Services component made per factory configuration ({@value IntervalVacuumDriver#PID}). Private to
 * the bundle: the engine sees only the {@link io.upwell.api.device.DeviceDriver} service.
 */
package io.upwell.devices.intervalvacuum;
