package io.upwell.plugins.programs.internal;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.safety.HardLimits;
import io.upwell.api.technique.Cup;
import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.ParameterValue;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.TechniqueStyle;
import io.upwell.api.technique.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks that need the program expanded: it is planned for a sample session (the fewest cups
 * it allows, in a chain when it orders cups by zone, each cup allowed the hard limit) three times,
 * with every parameter at its default, at its minimum and at its maximum. Every field is linear and
 * rising in its parameter, so the extremes bound every setting: a program that overlaps cups,
 * breaks the lymph order, outlasts a session or never applies vacuum at one of them is refused.
 */
final class ProgramChecks {

    /** The longest session the engine allows by default (SR-05); a program may not plan longer. */
    static final Duration MAX_SESSION = Duration.ofMinutes(60);

    enum Setting {
        DEFAULTS("with every parameter at its default"),
        LOWEST("with every number parameter at its min"),
        HIGHEST("with every number parameter at its max");

        final String words;

        Setting(String words) {
            this.words = words;
        }
    }

    private ProgramChecks() {
    }

    /** Adds a problem for each failed check; returns the expansion at the defaults when there was none. */
    static Optional<Expander.Expansion> check(Model.Program def, Problems problems) {
        Expander.Expansion atDefaults = null;
        for (Setting setting : Setting.values()) {
            Expander.Expansion expansion = Expander.expand(def, sample(def, setting));
            if (!expansion.issues().isEmpty()) {
                for (Expander.Issue issue : expansion.issues()) {
                    problems.add(issue.pointer(), setting == Setting.DEFAULTS ? issue.message()
                            : issue.message() + " (" + setting.words + ")");
                }
                return Optional.empty(); // the other settings would repeat the same problem in other numbers
            }
            Program program = expansion.program().orElseThrow();
            if (setting == Setting.DEFAULTS) {
                atDefaults = expansion;
            }
            if (program.duration().compareTo(MAX_SESSION) > 0) {
                problems.add("/phases", "the program lasts " + Texts.duration(program.duration()) + " "
                        + setting.words + "; a session lasts at most " + Texts.duration(MAX_SESSION)
                        + " (the engine's default maximum, SR-05): shorten the steps, or lower the max of the"
                        + " parameters that set times and counts");
                return Optional.empty();
            }
            if (setting != Setting.HIGHEST && !appliesVacuum(program)) {
                problems.add("/phases", "the program never applies vacuum " + setting.words + ": every level is"
                        + " 0 kPa or every step lasts 0 s; give some step a level above 0 kPa for some time");
                return Optional.empty();
            }
        }
        return Optional.ofNullable(atDefaults);
    }

    private static boolean appliesVacuum(Program program) {
        for (Timeline timeline : program.timelines()) {
            for (Segment segment : timeline.segments()) {
                if (Expander.peak(segment) > 0 && !segment.duration().isZero()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The sample session: the fewest cups allowed, each in its own zone when the program uses zones. */
    static PlanRequest sample(Model.Program def, Setting setting) {
        int n = Math.max(1, def.minCups());
        boolean chain = def.usesZones() || def.style() == TechniqueStyle.LYMPHATIC;
        BodyRegion region = def.regions().isEmpty() ? BodyRegion.UPPER_BACK : def.regions().get(0);
        List<Cup> cups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Cup cup = Cup.of(i, new BodySite(region, i % 2 == 0 ? Side.LEFT : Side.RIGHT, ""),
                    HardLimits.MAX_VACUUM_KPA);
            if (chain) {
                List<Integer> next = new ArrayList<>();
                if (i > 0) {
                    next.add(i - 1);
                }
                if (i < n - 1) {
                    next.add(i + 1);
                }
                cup = cup.inZone(i, next);
            }
            cups.add(cup);
        }
        Map<String, ParameterValue> values = new HashMap<>();
        for (Model.Parameter p : def.parameters()) {
            ParameterSpec spec = p.spec();
            ParameterValue value = spec.defaultValue();
            if (spec instanceof ParameterSpec.Number number && setting != Setting.DEFAULTS) {
                value = ParameterValue.of(setting == Setting.LOWEST ? number.min() : number.max());
            }
            values.put(spec.name(), value);
        }
        return new PlanRequest(cups, values);
    }
}
