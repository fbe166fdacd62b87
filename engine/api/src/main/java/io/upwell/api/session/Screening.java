package io.upwell.api.session;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * The client's screening answers, carried with the session from the start.
 * <p>
 * The engine journals the answers. The rules that judge them (absolute and relative
 * contraindications, SR-14) arrive in a later version; until then a session without screening is
 * allowed on simulated devices only.
 *
 * @param answers        question key to answer, for example {@code "pacemaker" -> false}
 * @param maxVacuumKpa   a vacuum limit the screening sets for this client, or empty for none
 * @param screenedBy     who took the answers
 */
public record Screening(Map<String, Boolean> answers, OptionalDouble maxVacuumKpa, String screenedBy) {

    public Screening {
        answers = Map.copyOf(answers);
        if (maxVacuumKpa == null) {
            maxVacuumKpa = OptionalDouble.empty();
        }
        if (maxVacuumKpa.isPresent() && !(maxVacuumKpa.getAsDouble() > 0)) {
            throw new IllegalArgumentException("screening maxVacuumKpa must be positive, got "
                    + maxVacuumKpa.getAsDouble());
        }
        screenedBy = screenedBy == null ? "" : screenedBy;
    }
}
