package io.upwell.launcher.app.internal;

import io.upwell.api.safety.Alarm;
import io.upwell.api.session.ChannelStatus;
import io.upwell.api.session.LoopStatistics;
import io.upwell.api.units.Pressure;
import io.upwell.api.units.PressureUnit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the demo and the shell print pressures, times and the engine's state, so both read alike. */
final class Formats {

    private Formats() {
    }

    /** {@code " 40.0 kPa"}, or {@code "   -- kPa"} when nothing was measured yet. */
    static String kpa(double kpa) {
        return Double.isFinite(kpa) ? String.format(Locale.ROOT, "%5.1f kPa", withoutNegativeZero(kpa)) : "   -- kPa";
    }

    /** A vented cup reads a hair above ambient; print that as 0.0, not -0.0. */
    private static double withoutNegativeZero(double kpa) {
        return Math.abs(kpa) < 0.05 ? 0.0 : kpa;
    }

    /** {@code "40.0 kPa (300.0 mmHg)"}. */
    static String kpaAndMmHg(double kpa) {
        if (!Double.isFinite(kpa)) {
            return "-- (nothing measured)";
        }
        double shown = withoutNegativeZero(kpa);
        return String.format(Locale.ROOT, "%.1f kPa (%s)", shown, Pressure.ofKpa(shown).format(PressureUnit.MMHG));
    }

    /** {@code "12.3 s"}. */
    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toNanos() / 1e9);
    }

    /** {@code "0.08 ms"}. */
    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    /** One line on the control loop's punctuality. */
    static String loop(LoopStatistics stats) {
        return String.format(Locale.ROOT, "%d ticks at %s, %d late; lateness p50 %s, p99 %s, max %s",
                stats.ticks(), millis(stats.periodNanos()), stats.lateTicks(), millis(stats.p50Nanos()),
                millis(stats.p99Nanos()), millis(stats.maxNanos()));
    }

    /** Whether therapy is being recorded, in one line. */
    static String journal(io.upwell.api.session.JournalHealth health) {
        if (health.healthy() && health.lostRecords() == 0) {
            return "every record written";
        }
        String lost = health.lostRecords() + " record(s) lost";
        return health.healthy() ? lost
                : "CANNOT WRITE (" + health.problem() + "); " + lost + "; no new session starts";
    }

    /** One cup: index, site, what is commanded and measured, and what it is doing. */
    static String cup(ChannelStatus channel) {
        return String.format(Locale.ROOT, "cup %d  %-22s target %s  measured %s  %s", channel.cup(),
                channel.site(), kpa(channel.targetKpa()), kpa(channel.measuredKpa()), channel.phase());
    }

    /** The alarms, one per line, or a single "none". */
    /** One line for an alarm not yet cleared: its id, state, and the alarm as raised. */
    static String alarmStatus(io.upwell.api.safety.AlarmStatus status) {
        String state = status.state().name().toLowerCase(java.util.Locale.ROOT);
        String by = status.acknowledgedBy().isEmpty() ? "" : " by " + status.acknowledgedBy();
        return status.id() + "  " + state + by + (status.alarm().latching() ? "  latching" : "") + "  "
                + status.alarm().priority() + " " + status.alarm().condition() + ": " + status.alarm().message();
    }

    static List<String> alarms(List<Alarm> alarms) {
        if (alarms.isEmpty()) {
            return List.of("none");
        }
        List<String> lines = new ArrayList<>(alarms.size());
        for (Alarm alarm : alarms) {
            lines.add(alarm.toString());
        }
        return lines;
    }
}
