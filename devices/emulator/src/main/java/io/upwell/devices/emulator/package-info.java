/**
 * Device emulators: a real device's wire protocol on a serial port, with the simulator's physics
 * behind it and faults of the line in front of it, so that a driver can be tested end to end without
 * the hardware (the launcher's {@code emulate} command).
 * <p>
 * {@link io.upwell.devices.emulator.IntervalVacuumEmulator} is the interval vacuum system over Modbus
 * RTU; its register map is {@link io.upwell.devices.emulator.intervalvacuum}.
 * {@link io.upwell.devices.emulator.MagneticCupsEmulator} is the magnetic cup array over the Upwell
 * device protocol (docs/protocol.md), with the codec the engine's driver uses.
 * {@link io.upwell.devices.emulator.EmulatorModel} starts either by its command-line name.
 * {@link io.upwell.devices.emulator.FaultCommand} reads the faults a person gives on the command line
 * or types while it runs.
 * <p>
 * 1.1: {@link io.upwell.devices.emulator.FrameWatcher}, to time a driver from the device's side.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.upwell.devices.emulator;
