/**
 * The technique SPI: what a technique module implements, and the program it hands the core.
 * <p>
 * A {@link io.upwell.api.technique.Technique} never drives a device itself. Given the cups of a
 * session and the therapist's parameter values it returns a {@link io.upwell.api.technique.Program}:
 * per cup a timeline of {@link io.upwell.api.technique.Segment}s (ramp, hold, pulse, wave, release)
 * in kPa at nominal intensity. The core evaluates the program on every tick, scales it by the
 * session's intensity and passes the result through its safety envelope. Segments are a closed
 * set of data records, so no plugin code runs on the control thread.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.upwell.api.technique;
