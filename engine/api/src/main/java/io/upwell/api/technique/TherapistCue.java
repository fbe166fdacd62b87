package io.upwell.api.technique;

import java.time.Duration;
import java.util.Objects;

/**
 * The therapist told the session where their hands are: over one cup. A technique that follows the
 * therapist (a lymphatic wave starting under the hands, say) re-plans from it the next time the core
 * asks it to adapt; the envelope judges what it plans like any other program.
 *
 * @param cup the cup the therapist's hands are over, an index into the session's cups
 * @param at  program time at which the cue was given, pauses not counted
 */
public record TherapistCue(int cup, Duration at) {

    public TherapistCue {
        if (cup < 0) {
            throw new IllegalArgumentException("cue: cup must be 0 or more, got " + cup);
        }
        Objects.requireNonNull(at, "at");
    }
}
