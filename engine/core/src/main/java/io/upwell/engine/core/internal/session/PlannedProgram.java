package io.upwell.engine.core.internal.session;

import io.upwell.api.technique.Technique;

/**
 * What a session runs, as the operator and the journal name it.
 *
 * @param technique   the technique service that planned it (a departure of this service aborts the session)
 * @param module      the bundle that brought the technique
 * @param name        the program's name
 * @param lengthNanos the planned length: the longest cup timeline
 */
public record PlannedProgram(Technique technique, String module, String name, long lengthNanos) {
}
