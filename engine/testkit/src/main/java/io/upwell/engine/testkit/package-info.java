/**
 * Test fixtures for the people who write plug-ins: device vendors and technique authors.
 * <p>
 * Add this bundle as a test dependency ({@code io.upwell:io.upwell.engine.testkit}, scope
 * {@code test}); it depends on nothing but the engine's API, so a driver's or a technique's tests
 * need neither the engine core nor OSGi.
 * <ul>
 * <li>{@link io.upwell.engine.testkit.ManualClock}: the engine's {@link io.upwell.api.time.Clock}
 * as a test drives it. Time moves only when the test advances it, and periodic tasks run on the
 * test's thread in order of due time, so a driver that schedules its work on the engine's clock is
 * tested deterministically, without sleeping.</li>
 * <li>{@link io.upwell.engine.testkit.RecordingLink}: the engine's side of a
 * {@link io.upwell.api.device.DeviceLink}. The test sets the commands; the link records every
 * sample, connection change and emergency stop the driver reports, and its engine ticks advance
 * the command sequence as a running engine does.</li>
 * <li>{@link io.upwell.engine.testkit.PlanRequests}: what a technique's {@code plan} is asked, as the
 * engine builds it: every declared parameter at its default, cups on body regions at their
 * limits.</li>
 * </ul>
 * These are fixtures, not the engine: they check nothing a driver reports (the engine's monitor
 * does, see {@code docs/DRIVERS.md}), they only make it visible to the test.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.upwell.engine.testkit;
