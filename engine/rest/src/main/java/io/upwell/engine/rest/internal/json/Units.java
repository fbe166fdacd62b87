package io.upwell.engine.rest.internal.json;

import java.time.Duration;

/** Times as the API writes them: durations in seconds to the millisecond, loop timings in milliseconds. */
public final class Units {

    private Units() {
    }

    public static double seconds(Duration duration) {
        return Math.round(duration.toNanos() / 1e6) / 1e3;
    }

    /** Nanoseconds as milliseconds, to the microsecond. */
    public static double millis(long nanos) {
        return Math.round(nanos / 1e3) / 1e3;
    }
}
