/**
 * The register map of the Upwell interval vacuum system, a Modbus RTU device with one pump and a valve
 * per channel: addresses, scaling, codes and fault bits, shared by the device emulator and by the
 * driver that talks to the real device, so that both sides read the same manual
 * ({@code docs/interval-vacuum.md}).
 * <p>
 * Addresses are the 0-based addresses on the wire (the PDU's "starting address"), not the 1-based
 * 3xxxx/4xxxx numbers of some manuals. Vacuum is in units of 0.01 kPa below ambient
 * ({@link io.upwell.devices.emulator.intervalvacuum.VacuumScaling}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.upwell.devices.emulator.intervalvacuum;
