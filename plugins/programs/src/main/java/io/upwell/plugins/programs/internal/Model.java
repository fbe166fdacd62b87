package io.upwell.plugins.programs.internal;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.ProgramPolicy;
import io.upwell.api.technique.TechniqueStyle;
import java.util.List;

/**
 * A program file read into plain values, each remembering the JSON pointer it came from so that a
 * problem found later (when the program is expanded for a request) names its place in the file.
 */
final class Model {

    private Model() {
    }

    /**
     * A number field: a literal, or a parameter's value times a scale.
     *
     * @param pointer where the field is
     * @param literal the number when {@code param} is null
     * @param param   the parameter's name, or null for a literal
     * @param scale   the factor applied to the parameter's value
     */
    record Num(String pointer, double literal, String param, double scale) {
        static Num of(String pointer, double value) {
            return new Num(pointer, value, null, 1.0);
        }

        boolean isReference() {
            return param != null;
        }

        /** How the field reads in a message: {@code 40}, {@code $targetKpa} or {@code 0.5 × $targetKpa}. */
        String text() {
            if (param == null) {
                return Texts.number(literal);
            }
            return scale == 1.0 ? "$" + param : Texts.number(scale) + " × $" + param;
        }
    }

    /** Runs a phase or step only when a choice or toggle parameter has a value. */
    record Condition(String pointer, String param, String option, Boolean on) {
    }

    sealed interface Step permits Ramp, Hold, Pulse, Wave, Release, Repeat {
        String pointer();

        Condition when();
    }

    record Ramp(String pointer, Condition when, Num toKpa, Num seconds) implements Step {
    }

    record Hold(String pointer, Condition when, Num kpa, Num seconds) implements Step {
    }

    record Pulse(String pointer, Condition when, Num lowKpa, Num highKpa, Num onSeconds, Num offSeconds, Num count)
            implements Step {
    }

    record Wave(String pointer, Condition when, Num baseKpa, Num amplitudeKpa, Num periodSeconds, double phaseOffset,
            Num seconds) implements Step {
    }

    record Release(String pointer, Condition when, Num seconds) implements Step {
    }

    /** Its steps {@code times} times; levels scaled from {@code fromPercent} in the first round to {@code toPercent} in the last. */
    record Repeat(String pointer, Condition when, Num times, double fromPercent, double toPercent, List<Step> steps)
            implements Step {
    }

    /** Which cups run a phase. */
    sealed interface Cups permits AllCups, IndexedCups, ZoneCups {
        String pointer();
    }

    record AllCups(String pointer) implements Cups {
    }

    record IndexedCups(String pointer, List<Integer> indexes) implements Cups {
    }

    /**
     * Cups in chain order.
     *
     * @param delay     each zone after the one before by this much; null: when the one before has finished
     * @param waveShift added to each wave's phase offset per zone
     */
    record ZoneCups(String pointer, boolean proximalFirst, Num delay, double waveShift) implements Cups {
    }

    enum StartKind { FOLLOW, AFTER, WITH, AT }

    /**
     * When a phase starts.
     *
     * @param kind  FOLLOW (when every phase above it in the file has ended, the default), AFTER or WITH a named phase, or AT a time
     * @param phase the named phase's index for AFTER and WITH, else -1
     * @param at    the time for AT, else null
     * @param delay extra wait, or null
     */
    record Start(String pointer, StartKind kind, int phase, Num at, Num delay) {
    }

    record Phase(String pointer, String name, Cups cups, Start start, double intensityPercent, Condition when,
            List<Step> steps) {
    }

    record Parameter(String pointer, ParameterSpec spec) {
    }

    /** A whole program, every part checked on its own. */
    record Program(String id, String name, String version, String author, String description, TechniqueStyle style,
            List<BodyRegion> regions, List<String> sources, int minCups, int maxCups, Num magnet,
            ProgramPolicy policy, List<Parameter> parameters, List<Phase> phases) {

        ParameterSpec parameter(String parameterName) {
            for (Parameter p : parameters) {
                if (p.spec().name().equals(parameterName)) {
                    return p.spec();
                }
            }
            return null;
        }

        /** True when some phase orders its cups by zone, so a request must place cups in a chain. */
        boolean usesZones() {
            return phases.stream().anyMatch(p -> p.cups() instanceof ZoneCups);
        }
    }
}
