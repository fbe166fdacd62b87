package io.upwell.launcher.app.internal;

import io.upwell.api.preview.Preview;
import io.upwell.api.session.SessionPlan;
import io.upwell.engine.records.report.Trace;
import io.upwell.engine.records.report.TraceChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a therapist reads after {@code simulate}: how it ended and how long it ran, per cup its
 * limit, the peak target and measured vacuum and the time spent at or above each
 * {@linkplain #THRESHOLDS_KPA threshold}, then the alarms.
 * <p>
 * Time at or above a threshold counts each sample interval whose opening sample measured at least
 * the threshold (the trace holds each value until the next sample), so it is exact to one sample period.
 */
final class TraceSummary {

    /** Thresholds the summary reports time above: the lines the chart draws ({@link TraceChart#THRESHOLDS_KPA}). */
    static final List<Double> THRESHOLDS_KPA = TraceChart.THRESHOLDS_KPA;

    private TraceSummary() {
    }

    /** The greatest finite value of a cup's column, or NaN when it has none. */
    static double peak(Trace trace, int column, boolean measured) {
        double peak = Double.NaN;
        for (int row = 0; row < trace.rows(); row++) {
            double value = measured ? trace.measured(column, row) : trace.target(column, row);
            if (Double.isFinite(value) && (Double.isNaN(peak) || value > peak)) {
                peak = value;
            }
        }
        return peak;
    }

    /** Seconds the cup measured at least {@code thresholdKpa}, sample interval by sample interval; NaN counts as below. */
    static double secondsAtOrAbove(Trace trace, int column, double thresholdKpa) {
        double seconds = 0;
        for (int row = 0; row + 1 < trace.rows(); row++) {
            double value = trace.measured(column, row);
            if (Double.isFinite(value) && value >= thresholdKpa) {
                seconds += trace.seconds(row + 1) - trace.seconds(row);
            }
        }
        return seconds;
    }

    /** The summary's lines; {@code title} names the technique and its version. */
    static List<String> lines(String title, Preview preview, Trace trace) {
        List<String> lines = new ArrayList<>();
        lines.add(title + ": " + preview.finalState() + " after " + Formats.seconds(preview.duration())
                + " of virtual time" + (preview.reason().isEmpty() ? "" : " (" + preview.reason() + ")"));
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("cup", "site", "limit (set by)", "program asks", "peak target",
                "peak measured"));
        for (double threshold : THRESHOLDS_KPA) {
            header.add(String.format(Locale.ROOT, ">= %.0f kPa", threshold));
        }
        table.add(header);
        for (int c = 0; c < trace.cupCount(); c++) {
            int cup = trace.cup(c);
            SessionPlan.CupPlan plan = preview.plan().cups().stream().filter(p -> p.cup() == cup).findFirst()
                    .orElse(null);
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(cup));
            row.add(plan == null ? "" : plan.placement().site().toString());
            row.add(plan == null ? "" : String.format(Locale.ROOT, "%.1f kPa (%s)", plan.limitKpa(), plan.limitSetBy()));
            row.add(plan == null ? "" : String.format(Locale.ROOT, "%.1f kPa%s", plan.programPeakKpa(),
                    plan.clamped() ? ", clamped" : ""));
            row.add(Formats.kpa(peak(trace, c, false)).strip());
            row.add(Formats.kpa(peak(trace, c, true)).strip());
            for (double threshold : THRESHOLDS_KPA) {
                row.add(String.format(Locale.ROOT, "%.1f s", secondsAtOrAbove(trace, c, threshold)));
            }
            table.add(row);
        }
        int[] widths = new int[header.size()];
        for (List<String> row : table) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : table) {
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < row.size(); i++) {
                line.append(' ').append(row.get(i)).append(" ".repeat(widths[i] - row.get(i).length() + 1));
            }
            lines.add(line.toString().stripTrailing());
        }
        List<String> alarms = Formats.alarms(preview.alarms());
        if (preview.alarms().isEmpty()) {
            lines.add("alarms: none");
        } else {
            lines.add("alarms:");
            alarms.forEach(alarm -> lines.add("  " + alarm));
        }
        return lines;
    }
}
