package io.upwell.plugins.programs.validation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a valid program file describes, in words a therapist reads.
 *
 * @param id              the technique's id
 * @param name            its name
 * @param version         its version, {@code major.minor.patch}
 * @param style           its style in lower case, for example {@code lymphatic}
 * @param parameters      one line per parameter: name, what is allowed, default, whether per cup
 * @param cups            how many cups a session needs, for example {@code 4 to 8 cups, in a chain}
 * @param phases          one line per phase: name, its cups and steps, and when it runs at the defaults
 * @param plannedCups     how many cups the planned duration was worked out for (the fewest allowed)
 * @param plannedDuration how long the program runs on {@code plannedCups} cups with every parameter at
 *                        its default
 */
public record ProgramSummary(String id, String name, String version, String style, List<String> parameters,
        String cups, List<String> phases, int plannedCups, Duration plannedDuration) {

    public ProgramSummary {
        parameters = List.copyOf(parameters);
        phases = List.copyOf(phases);
    }

    /** The summary as lines for a console. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(id + " " + version + " (" + name + "), " + style);
        lines.add("cups: " + cups);
        lines.add("parameters:" + (parameters.isEmpty() ? " none" : ""));
        parameters.forEach(p -> lines.add("  " + p));
        lines.add("phases:");
        phases.forEach(p -> lines.add("  " + p));
        lines.add("planned duration at the defaults: " + seconds(plannedDuration) + " on " + plannedCups + " cup"
                + (plannedCups == 1 ? "" : "s"));
        return lines;
    }

    private static String seconds(Duration d) {
        long s = d.toSeconds();
        long ms = d.toMillisPart();
        String exact = ms == 0 ? s + " s" : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        return s >= 60 ? exact + " (" + s / 60 + " min " + s % 60 + " s)" : exact;
    }
}
