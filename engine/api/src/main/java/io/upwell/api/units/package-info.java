/**
 * Physical units at the edges of the engine.
 * <p>
 * Inside the engine every pressure is gauge vacuum in kilopascal below ambient, positive meaning
 * more suction. Therapists and device manuals speak mmHg and mbar; convert only where a value
 * enters or leaves the engine, with {@link io.upwell.api.units.Pressure} and
 * {@link io.upwell.api.units.PressureUnit}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.upwell.api.units;
