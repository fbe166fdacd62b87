/**
 * The session API: what a therapist's front end or an integrator uses to run therapy.
 * <p>
 * {@link io.upwell.api.session.SessionService} is the engine's entry point; listeners registered
 * as {@link io.upwell.api.session.EngineListener} services hear about alarms and state changes.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package io.upwell.api.session;
