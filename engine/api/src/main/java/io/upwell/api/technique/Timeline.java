package io.upwell.api.technique;

import java.time.Duration;
import java.util.List;

/**
 * What one cup does during a session: segments one after another, starting at ambient.
 *
 * @param cup         the cup's index in the session request
 * @param segments    the segments in order; after the last one the cup stays at ambient
 * @param magnetLevel the cup magnet's level from 0 (off) to 1 (full) while the timeline runs; ignored for plain cups
 */
public record Timeline(int cup, List<Segment> segments, double magnetLevel) {

    public Timeline {
        if (cup < 0) {
            throw new IllegalArgumentException("timeline: cup index must be >= 0, got " + cup);
        }
        segments = List.copyOf(segments);
        if (!(magnetLevel >= 0 && magnetLevel <= 1)) {
            throw new IllegalArgumentException("timeline for cup " + cup + ": magnetLevel must be in [0, 1], got "
                    + magnetLevel);
        }
    }

    public Timeline(int cup, List<Segment> segments) {
        this(cup, segments, 0.0);
    }

    /** The sum of the segments' durations. */
    public Duration duration() {
        Duration total = Duration.ZERO;
        for (Segment segment : segments) {
            total = total.plus(segment.duration());
        }
        return total;
    }
}
