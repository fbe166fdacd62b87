package io.upwell.plugins.programs.validation;

import io.upwell.api.technique.Technique;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of reading one program file: either every problem found, or the technique it
 * describes with a summary; never both.
 *
 * @param file      the file as it was named
 * @param problems  every problem, in line order; empty for a valid file
 * @param summary   for a valid file, what it describes
 * @param technique for a valid file, the technique, ready to register; its service property
 *                  {@code upwell.technique.origin} should be {@link #origin()}
 * @param origin    the file's absolute path, the technique's origin
 */
public record ProgramReport(String file, List<ProgramProblem> problems, Optional<ProgramSummary> summary,
        Optional<Technique> technique, String origin) {

    public ProgramReport {
        Objects.requireNonNull(file, "file");
        problems = List.copyOf(problems);
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(technique, "technique");
        Objects.requireNonNull(origin, "origin");
        if (problems.isEmpty() == technique.isEmpty()) {
            throw new IllegalArgumentException("a report has either problems or a technique");
        }
    }

    /** True when the file is a valid program. */
    public boolean valid() {
        return problems.isEmpty();
    }

    /**
     * What a console shows: for a valid file {@code FILE: valid} and the summary; otherwise
     * {@code FILE: N problem(s)} and one line per problem.
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (valid()) {
            lines.add(file + ": valid");
            summary.ifPresent(s -> s.lines().forEach(l -> lines.add("  " + l)));
        } else {
            lines.add(file + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                    + ", not a valid program");
            problems.forEach(p -> lines.add(p.toString()));
        }
        return lines;
    }
}
