package io.upwell.api.technique;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A massage technique, registered as an OSGi service by a technique module.
 * <p>
 * The core calls {@link #plan} on a thread of its own under a deadline; a technique that throws,
 * hangs or returns an invalid program does not start a session, and the operator is told which
 * module failed.
 */
@ConsumerType
public interface Technique {

    /** Identity, parameters and style. Must not change while the service is registered. */
    TechniqueDescriptor descriptor();

    /**
     * Builds the program for one session.
     *
     * @param request the cups and the parameter values, already checked against the declared ranges
     * @return a program with one timeline per cup of the request
     * @throws TechniqueException when the request cannot be served, with a message for the operator
     */
    Program plan(PlanRequest request) throws TechniqueException;
}
