package io.upwell.engine.core.bench;

import java.util.List;
import java.util.Locale;

/** The median, least and greatest of repeated measurements. */
record Spread(double median, double min, double max) {

    static Spread of(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.get(0), sorted.get(n - 1));
    }

    /** "median (min–max)" with {@code format} for each number, e.g. {@code "%.1f"}. */
    String format(String format) {
        return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median, min, max);
    }
}
