package io.upwell.api.technique;

import java.util.Optional;

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

    /**
     * Asked while an {@linkplain Program#isAdaptive() adaptive} program runs, every
     * {@link Program#adaptEvery()}, on a thread of the core's under a deadline: a revision for future
     * time, or empty to keep the program. A technique that throws, overruns its deadline or returns a
     * revision the core refuses has failed (SR-11): the session ramps out and the operator is told
     * which module failed and why.
     *
     * @param observation what the session's cups did on the last tick
     * @return a revision, or empty
     * @throws TechniqueException when the technique cannot adapt, with a message for the operator
     */
    default Optional<ProgramRevision> adapt(Observation observation) throws TechniqueException {
        return Optional.empty();
    }
}
