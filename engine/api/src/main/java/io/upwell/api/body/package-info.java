/**
 * Where cups go: body regions with their vacuum limits, and sites a therapist names.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.upwell.api.body;
