/**
 * Treatment history (SR-15): the sessions a client has had, by body site, across the devices and
 * stations that share one history, so that the engine can tell a site treated too recently or too
 * long today. The engine reads its own station's journal when no {@link TreatmentHistory} service is
 * registered; a records service that several stations share registers one, and the engine then
 * asks it instead. A session sooner than the rules allow starts only with a
 * {@link TreatmentOverride}, which is journaled with it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.upwell.api.history;
