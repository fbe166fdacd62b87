/**
 * The driver conformance kit: JUnit 5 tests a vendor's test class inherits to check a device driver
 * against what the engine expects of it, on the wall clock, against the real device or an emulator
 * of it. Extend {@link DriverConformance} and say how to open the driver under test
 * ({@link DriverUnderTest}); a driver whose line can be broken and restored, or whose traffic can be
 * corrupted, says so through {@link LineFaults} and gets those checks too.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.upwell.devices.conformance;
