package io.upwell.api.preview;

import io.upwell.api.safety.Alarm;
import io.upwell.api.session.SessionPlan;
import io.upwell.api.session.SessionState;
import java.time.Duration;
import java.util.List;

/**
 * What a preview's session did.
 *
 * @param plan       each cup's limit and what set it, as {@code SessionService.check} gives it
 * @param samples    the trace, in time order: every cup at every sample time
 * @param alarms     every alarm the session raised
 * @param finalState how the session ended: ENDED, ABORTED, or the state it was in when the limit stopped it
 * @param reason     why it ended, in words
 * @param duration   how long it ran, in virtual time
 */
public record Preview(SessionPlan plan, List<Sample> samples, List<Alarm> alarms, SessionState finalState,
        String reason, Duration duration) {

    public Preview {
        samples = List.copyOf(samples);
        alarms = List.copyOf(alarms);
    }

    /**
     * One cup at one time.
     *
     * @param time        virtual time since the session started
     * @param cup         the cup's index
     * @param commandKpa  what the engine commanded, after intensity and the safety envelope (the target a
     *                    chart shows)
     * @param measuredKpa what the device measured; NaN before its first reading
     * @param phase       the cup's phase, as a therapist sees it ({@code ramp}, {@code hold}, {@code pulse} ...)
     */
    public record Sample(Duration time, int cup, double commandKpa, double measuredKpa, String phase) {
    }
}
