package io.upwell.api.session;

import java.time.Duration;
import java.util.List;

/**
 * What a session request would do, worked out without starting it: the program the technique planned
 * and, for each cup, the limit that applies and which limit set it. A front end shows it before the
 * therapist starts, so that a cup clamped below what the program asks is known in advance.
 *
 * @param techniqueId the technique
 * @param program     the program's name
 * @param duration    the program's planned length
 * @param cups        one per placement, in request order
 */
public record SessionPlan(String techniqueId, String program, Duration duration, List<CupPlan> cups) {

    public SessionPlan {
        cups = List.copyOf(cups);
    }

    /**
     * One cup of the plan.
     *
     * @param cup          the cup's index
     * @param placement    where it is
     * @param limitKpa     the most vacuum the core will allow on it
     * @param limitSetBy   which limit is the lowest, in words: {@code "body region face"}, {@code "screening"},
     *                     {@code "channel 2 of sim-1"}, {@code "device sim-1"} or {@code "the engine's hard limit"}
     * @param programPeakKpa the highest level the program asks of this cup at the request's intensity
     */
    public record CupPlan(int cup, Placement placement, double limitKpa, String limitSetBy, double programPeakKpa) {

        /** True when the program asks more than the cup will get: the envelope will clamp it. */
        public boolean clamped() {
            return programPeakKpa > limitKpa;
        }
    }
}
