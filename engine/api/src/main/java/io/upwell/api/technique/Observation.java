package io.upwell.api.technique;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the core tells an adaptive technique about the session its program runs in, each time it
 * asks for a revision.
 *
 * @param request  what the technique planned for
 * @param elapsed  program time: how far into the program the session is, pauses not counted
 * @param revision how many revisions the core has accepted so far in this session
 * @param cups     each cup's state, in cup order
 * @param cue      the therapist's latest cue if one was given since the technique was last asked
 *                 (each cue is handed over once); empty otherwise
 */
public record Observation(PlanRequest request, Duration elapsed, int revision, List<CupState> cups,
        Optional<TherapistCue> cue) {

    public Observation {
        cups = List.copyOf(cups);
        Objects.requireNonNull(cue, "cue");
    }

    /** An observation without a cue. */
    public Observation(PlanRequest request, Duration elapsed, int revision, List<CupState> cups) {
        this(request, elapsed, revision, cups, Optional.empty());
    }

    /**
     * One cup on the last tick.
     *
     * @param cup         the cup's index
     * @param segment     the index of the segment the cup is running in its current timeline (the
     *                    segments of the latest accepted revision count from that revision's start)
     * @param programKpa  what the program asked, at nominal intensity
     * @param commandKpa  what the core commanded after intensity and envelope
     * @param measuredKpa what the device measured; NaN before the first reading
     * @param stopped     true when the core has stopped the cup for good (a lost seal beyond its tolerance)
     * @param segmentLeft program time until the cup's current segment ends, where a revision for it would
     *                    take over; zero once its timeline is done. Techniques that move several cups
     *                    together line their revisions up with it.
     */
    public record CupState(int cup, int segment, double programKpa, double commandKpa, double measuredKpa,
            boolean stopped, Duration segmentLeft) {

        public CupState {
            Objects.requireNonNull(segmentLeft, "segmentLeft");
        }
    }
}
