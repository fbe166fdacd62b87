package io.upwell.api.technique;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A new program for future time, handed to the core by an adaptive technique.
 * <p>
 * Each timeline given replaces what its cup would run after its current segment: when that segment
 * ends, the cup continues with the revision's segments instead of the rest of its program, starting
 * from the level it is at. Cups not named keep their program. The core checks and compiles a
 * revision off the control thread and judges it with the same envelope as any program; a revision
 * it refuses ends the session with a ramp-out, as a failed technique does.
 *
 * @param continuations one per cup that changes, each cup at most once
 * @param reason        why, for the journal and the therapist, for example {@code "seal lost on cup 2"}
 */
public record ProgramRevision(List<Timeline> continuations, String reason) {

    public ProgramRevision {
        continuations = List.copyOf(continuations);
        Objects.requireNonNull(reason, "reason");
        Set<Integer> seen = new HashSet<>();
        for (Timeline timeline : continuations) {
            if (!seen.add(timeline.cup())) {
                throw new IllegalArgumentException("revision: cup " + timeline.cup() + " has more than one timeline");
            }
        }
    }
}
