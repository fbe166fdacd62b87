/**
 * Alarms and the engine's hard limits (see docs/SAFETY.md in the repository).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package io.upwell.api.safety;
