/**
 * Previews: a session run on a private engine on the virtual clock, beside the running engine and
 * without touching it, to see what a technique or program would do before a therapist uses it.
 * <p>
 * {@link io.upwell.api.preview.PreviewService} is registered by the core. A preview has its own
 * clock, latch and device (normally a simulator the caller creates); it journals nothing and none
 * of its alarms reach the running engine's listeners.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.upwell.api.preview;
