package io.upwell.launcher.app.internal;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.session.ChannelStatus;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.session.SessionState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Snapshots for the tests, as the engine would report them. */
final class Snapshots {

    private Snapshots() {
    }

    static SessionSnapshot at(Duration elapsed, SessionState state, String reason, List<Alarm> alarms,
            double... peaks) {
        List<ChannelStatus> channels = new java.util.ArrayList<>();
        for (int cup = 0; cup < peaks.length; cup++) {
            channels.add(new ChannelStatus(cup, "sim-1", cup, new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, ""),
                    40.0, 39.5, peaks[cup], 55.0, "hold"));
        }
        return new SessionSnapshot("s-1", "static-cupping", state, reason, elapsed, Duration.ofSeconds(28), 100,
                channels, alarms);
    }

    static Alarm leak(int channel) {
        return new Alarm("al-test-4", AlarmPriority.MEDIUM, AlarmCondition.LEAK, "sim-1", channel, Instant.EPOCH,
                "cup 1 cannot reach its target", false);
    }

    static Alarm lost(String deviceId) {
        return new Alarm("al-test-5", AlarmPriority.HIGH, AlarmCondition.DEVICE_LOST, deviceId, -1, Instant.EPOCH,
                "device " + deviceId + " disconnected: line closed; session paused", true);
    }
}
