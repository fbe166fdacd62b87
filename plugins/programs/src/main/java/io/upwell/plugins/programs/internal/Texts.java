package io.upwell.plugins.programs.internal;

import java.time.Duration;
import java.util.Locale;

/** Numbers and times as messages show them. */
final class Texts {

    private Texts() {
    }

    /** {@code 40}, {@code 2.5}, {@code 0.333}: no trailing zeros, at most three decimals. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = String.format(Locale.ROOT, "%.3f", value);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** {@code 45 s}, {@code 12 min 30 s}, {@code 1 h 5 min}. */
    static String duration(Duration d) {
        long millis = d.toMillis();
        long seconds = millis / 1000;
        if (seconds < 60) {
            return number(millis / 1000.0) + " s";
        }
        long minutes = seconds / 60;
        long rest = seconds % 60;
        if (minutes < 60) {
            return minutes + " min" + (rest == 0 ? "" : " " + rest + " s");
        }
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }

    static String seconds(long nanos) {
        return number(nanos / 1e9) + " s";
    }
}
