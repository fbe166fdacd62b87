/**
 * Control of the simulated vacuum device: fault injection and its emergency-stop button.
 * <p>
 * The simulator registers itself twice: as an {@link io.upwell.api.device.DeviceDriver}, which the
 * engine drives like any vendor's device, and as a {@link io.upwell.devices.simulator.SimulatorControl},
 * through which tests and the shell make the device misbehave in the ways real devices do.
 * <p>
 * Outside the framework, {@link io.upwell.devices.simulator.Simulators} makes a
 * {@link io.upwell.devices.simulator.SimulatedDevice} that is both, configured with
 * {@link io.upwell.devices.simulator.SimulatorOptions} (since 1.1), which can script faults the device
 * brings on by itself at set times ({@link io.upwell.devices.simulator.ScriptedFault}, since 1.2).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.upwell.devices.simulator;
