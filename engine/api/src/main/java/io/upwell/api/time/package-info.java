/**
 * The engine's time source.
 * <p>
 * The engine runs on a monotonic {@link io.upwell.api.time.Clock}: the system one in real use, a
 * virtual one in tests and in the therapist's preview, where a 45-minute session runs in
 * milliseconds through the same code path. Plugins that simulate physics schedule their steps on
 * the engine's clock so they stay in step with it in both modes.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.upwell.api.time;
