/**
 * Screening (SR-14): what a client has that speaks against treatment, typed, and the rules that
 * judge it before a session starts. The core applies its built-in rules to every request with
 * screening; a clinic adds its own by registering {@link ScreeningRule} services. Every verdict is
 * journaled with the session.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.upwell.api.screening;
