package io.upwell.engine.core.internal.session;

import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Technique;
import java.time.Duration;

/**
 * What a session runs, as the operator and the journal name it.
 *
 * @param technique   the technique service that planned it (a departure of this service ends the session)
 * @param module      the bundle that brought the technique
 * @param name        the program's name
 * @param lengthNanos the planned length: the longest cup timeline
 * @param request     what the technique was asked, handed back to it when it adapts
 * @param adaptEvery  how often the technique asked to adapt the program; zero for never
 */
public record PlannedProgram(Technique technique, String module, String name, long lengthNanos, PlanRequest request,
        Duration adaptEvery) {
}
