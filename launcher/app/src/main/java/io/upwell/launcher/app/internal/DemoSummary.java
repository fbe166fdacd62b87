package io.upwell.launcher.app.internal;

import io.upwell.api.session.ChannelStatus;
import io.upwell.api.session.LoopStatistics;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.session.SessionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lines the demo prints when its session is over, and the exit code that goes with them. */
final class DemoSummary {

    private final SessionSnapshot last;
    private final LoopStatistics loop;
    private final io.upwell.api.session.JournalHealth journal;
    private final Duration wall;
    /** What kept the session from ending by itself (a device lost, a fault); null when nothing did. */
    private final String interruption;

    /**
     * @param last the session's final snapshot
     * @param loop the control loop's statistics at the end
     * @param journal whether the session could be recorded
     * @param wall wall time from start to end of the session
     */
    DemoSummary(SessionSnapshot last, LoopStatistics loop, io.upwell.api.session.JournalHealth journal, Duration wall) {
        this.last = last;
        this.loop = loop;
        this.journal = journal;
        this.wall = wall;
        this.interruption = null;
    }

    private DemoSummary(DemoSummary summary, String interruption) {
        this.last = summary.last;
        this.loop = summary.loop;
        this.journal = summary.journal;
        this.wall = summary.wall;
        this.interruption = interruption;
    }

    /**
     * The same summary for a session that something interrupted: a session the demo had to stop while a
     * fault held it paused has ENDED, but not normally, and the result says what happened.
     */
    DemoSummary interruptedBy(String what) {
        return new DemoSummary(this, what);
    }

    boolean endedNormally() {
        return interruption == null && last.state() == SessionState.ENDED;
    }

    int exitCode() {
        return endedNormally() ? ExitCodes.OK : ExitCodes.SESSION_FAILED;
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("---");
        lines.add(String.format(Locale.ROOT, "Session %s: %s after %s of session time (planned %s, wall %s)%s",
                last.sessionId(), last.state(), Formats.seconds(last.elapsed()), Formats.seconds(last.planned()),
                Formats.seconds(wall), last.reason().isEmpty() ? "" : ": " + last.reason()));
        lines.add("Peak measured pressure:");
        for (ChannelStatus channel : last.channels()) {
            lines.add(String.format(Locale.ROOT, "  cup %d  %-22s %s", channel.cup(), channel.site(),
                    Formats.kpaAndMmHg(channel.peakKpa())));
        }
        List<String> alarms = Formats.alarms(last.alarms());
        if (last.alarms().isEmpty()) {
            lines.add("Alarms: none");
        } else {
            lines.add("Alarms:");
            alarms.forEach(alarm -> lines.add("  " + alarm));
        }
        lines.add("Control loop: " + Formats.loop(loop));
        lines.add("Journal: " + Formats.journal(journal));
        String state = last.state() + (last.reason().isEmpty() ? "" : ": " + last.reason());
        if (interruption != null) {
            lines.add("Result: the session did not end normally: " + interruption + " (" + state + ").");
        } else {
            lines.add(endedNormally() ? "Result: the session ended normally."
                    : "Result: the session did not end normally (" + state + ").");
        }
        return lines;
    }
}
