package io.upwell.api.install;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing offered to the engine that is not in use.
 *
 * @param artifact what was offered, as the user knows it: the file's path
 * @param problem  why it is not in use, naming what is missing or wrong and where
 * @param since    when the problem was found
 */
public record InstallProblem(String artifact, String problem, Instant since) {

    public InstallProblem {
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(since, "since");
    }
}
