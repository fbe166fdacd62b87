package io.upwell.plugins.gliding.internal;

import java.time.Duration;

/** How gliding writes its figures for a therapist. */
final class GlideTexts {

    private GlideTexts() {
    }

    /** A duration in minutes as a therapist reads it: {@code 5}, {@code 2.5}. */
    static String minutes(Duration duration) {
        double minutes = duration.toNanos() / 60e9;
        return minutes == Math.rint(minutes) ? Long.toString((long) minutes)
                : java.math.BigDecimal.valueOf(minutes).stripTrailingZeros().toPlainString();
    }
}
