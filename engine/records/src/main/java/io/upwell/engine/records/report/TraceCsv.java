package io.upwell.engine.records.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes a {@link Trace} as CSV (RFC 4180, comma-separated, one header line): {@code time_s}, then
 * per cup {@code cupN_target_kPa}, {@code cupN_measured_kPa} and {@code cupN_phase}. Pressures are
 * vacuum in kPa below ambient with three decimals, times in seconds; a value that was not measured
 * (NaN) is an empty field, never the text "NaN".
 */
public final class TraceCsv {

    private TraceCsv() {
    }

    public static String header(Trace trace) {
        StringBuilder line = new StringBuilder("time_s");
        for (int c = 0; c < trace.cupCount(); c++) {
            int cup = trace.cup(c);
            line.append(",cup").append(cup).append("_target_kPa,cup").append(cup).append("_measured_kPa,cup")
                    .append(cup).append("_phase");
        }
        return line.toString();
    }

    public static void write(Trace trace, Writer out) throws IOException {
        out.write(header(trace));
        out.write("\r\n");
        StringBuilder line = new StringBuilder();
        for (int row = 0; row < trace.rows(); row++) {
            line.setLength(0);
            line.append(number(trace.seconds(row)));
            for (int c = 0; c < trace.cupCount(); c++) {
                line.append(',').append(number(trace.target(c, row)));
                line.append(',').append(number(trace.measured(c, row)));
                line.append(',').append(text(trace.phase(c, row)));
            }
            out.write(line.toString());
            out.write("\r\n");
        }
    }

    /** Three decimals, '.' as the decimal point whatever the machine's locale; empty when not a number. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        String text = String.format(Locale.ROOT, "%.3f", value);
        return text.equals("-0.000") ? "0.000" : text;
    }

    /** Quoted only when it must be: a comma, a quote or a line break. */
    public static String text(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
