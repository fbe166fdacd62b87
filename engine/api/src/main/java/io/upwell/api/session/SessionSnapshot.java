package io.upwell.api.session;

import io.upwell.api.safety.Alarm;
import java.time.Duration;
import java.util.List;

/**
 * A session's live state at one moment.
 *
 * @param sessionId   the session
 * @param techniqueId the technique it runs
 * @param state       its state
 * @param reason      why it ended, paused by a fault, or was aborted; empty otherwise
 * @param elapsed     time the program has run (pauses excluded)
 * @param planned     the program's planned length
 * @param intensity   intensity in percent
 * @param channels    one per cup, in request order
 * @param alarms      every alarm raised in this session, oldest first
 */
public record SessionSnapshot(String sessionId, String techniqueId, SessionState state, String reason,
        Duration elapsed, Duration planned, int intensity, List<ChannelStatus> channels, List<Alarm> alarms) {
    public SessionSnapshot {
        channels = List.copyOf(channels);
        alarms = List.copyOf(alarms);
    }
}
