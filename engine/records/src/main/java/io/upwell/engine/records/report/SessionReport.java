package io.upwell.engine.records.report;

import io.upwell.api.preview.Preview;
import io.upwell.api.records.AlarmRecord;
import io.upwell.api.records.CupRecord;
import io.upwell.api.records.ScreeningRecord;
import io.upwell.api.records.SessionEvent;
import io.upwell.api.records.SessionRecord;
import io.upwell.api.records.SessionSummary;
import io.upwell.api.records.TraceSample;
import io.upwell.api.records.VerdictRecord;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A session as a printable HTML page: who, when, what and where, the limits, the screening with its
 * verdicts and consent, the alarms with their acknowledgement, the events, and the pressure chart
 * (TraceChart's SVG, embedded in the page, so the file stands alone).
 */
public final class SessionReport {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    private SessionReport() {
    }

    public static String html(SessionRecord record, ZoneId zone) {
        SessionSummary s = record.summary();
        StringBuilder page = new StringBuilder(64 * 1024);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Session ")
                .append(escape(s.sessionId())).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;color:#222}h1{font-size:1.4em}h2{font-size:1.1em;"
                        + "margin-top:1.6em;border-bottom:1px solid #999}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #bbb;padding:.2em .5em;text-align:left;vertical-align:top}"
                        + "th{background:#eee}.chart svg{max-width:100%;height:auto}"
                        + "@media print{body{margin:0}h2{break-after:avoid}.chart{break-inside:avoid}}\n")
                .append("</style>\n</head>\n<body>\n");
        page.append("<h1>Session ").append(escape(s.sessionId())).append("</h1>\n");
        page.append(table(List.of(
                row("Client", s.clientId()),
                row("Operator", s.operator()),
                row("Station", s.station()),
                row("Technique", s.techniqueId() + " " + s.techniqueVersion() + " (" + record.program() + ", "
                        + record.module() + ")"),
                row("Started", when(s.startedAt(), zone)),
                row("Ended", when(s.endedAt(), zone)),
                row("Ran", seconds(s.programSeconds()) + " of " + seconds(record.plannedSeconds()) + " planned"),
                row("Outcome", s.outcome() + (s.reason().isEmpty() ? "" : ": " + s.reason())),
                row("Intensity at start", record.intensity() + " %"),
                row("Parameters", pairs(record.parameters())),
                row("Session limits", pairs(record.limits())),
                row("Journal", "format " + record.journalFormat() + (record.droppedSamples() == 0 ? ""
                        : ", " + record.droppedSamples() + " sample(s) lost to a full buffer")
                        + (record.unreadableLines() == 0 ? "" : ", " + record.unreadableLines()
                                + " unreadable line(s)")))));

        page.append("<h2>Pressure</h2>\n<div class=\"chart\">\n").append(chart(record)).append("\n</div>\n");

        page.append("<h2>Cups</h2>\n");
        List<String[]> cups = new ArrayList<>();
        cups.add(new String[] {"cup", "device", "channel", "site", "zone", "limit", "set by", "peak", "exposure",
            "overrides"});
        for (CupRecord cup : record.cups()) {
            cups.add(new String[] {Integer.toString(cup.cup()), cup.deviceId(), Integer.toString(cup.channel()),
                cup.site() + (cup.siteLabel().isEmpty() ? "" : " (" + cup.siteLabel() + ")"),
                cup.zone() == null ? "" : cup.zone().toString(), kpa(cup.limitKpa()), cup.limitSetBy(),
                cup.peakKpa() == null ? "none measured" : kpa(cup.peakKpa()),
                seconds(cup.exposureSeconds()) + " at 2 kPa or more", pairs(cup.overrides())});
        }
        page.append(grid(cups));

        page.append("<h2>Screening</h2>\n");
        ScreeningRecord screening = record.screening();
        if (!screening.screened()) {
            page.append("<p>Not screened (simulated devices only).</p>\n");
        } else {
            page.append(table(List.of(
                    row("Screened by", screening.screenedBy()),
                    row("Contraindications", screening.conditions().isEmpty() ? "none"
                            : String.join(", ", screening.conditions())),
                    row("On sites", screening.siteFindings().isEmpty() ? "none"
                            : String.join(", ", screening.siteFindings())),
                    row("Vacuum limit", screening.maxVacuumKpa() == null ? "none" : kpa(screening.maxVacuumKpa())),
                    row("Consent", screening.consentBy() == null ? "none"
                            : screening.consentBy() + ": " + screening.consentReason()))));
        }
        if (!screening.verdicts().isEmpty()) {
            List<String[]> verdicts = new ArrayList<>();
            verdicts.add(new String[] {"rule", "verdict", "reason", "source"});
            for (VerdictRecord v : screening.verdicts()) {
                verdicts.add(new String[] {v.rule(), v.verdict() + (v.fraction() == null ? ""
                        : " to " + Math.round(v.fraction() * 100) + " %"), v.reason(), v.source()});
            }
            page.append(grid(verdicts));
        }

        page.append("<h2>Alarms</h2>\n");
        if (record.alarms().isEmpty()) {
            page.append("<p>None.</p>\n");
        } else {
            List<String[]> alarms = new ArrayList<>();
            alarms.add(new String[] {"raised", "priority", "condition", "where", "message", "acknowledged"});
            for (AlarmRecord a : record.alarms()) {
                alarms.add(new String[] {when(a.raisedAt(), zone), a.priority(), a.condition()
                        + (a.requirement().isEmpty() ? "" : " (" + a.requirement() + ")"),
                    a.deviceId().isEmpty() ? "engine" : a.channel() < 0 ? a.deviceId() : a.deviceId() + "#" + a.channel(),
                    a.message(), a.acknowledgedAt() == null ? (a.latched() ? "not during the session" : "not needed")
                            : when(a.acknowledgedAt(), zone) + " by " + a.acknowledgedBy()});
            }
            page.append(grid(alarms));
        }

        page.append("<h2>Events</h2>\n");
        List<String[]> events = new ArrayList<>();
        events.add(new String[] {"when", "what", "details"});
        for (SessionEvent e : record.events()) {
            events.add(new String[] {when(e.at(), zone), e.type(), pairs(e.details())});
        }
        page.append(grid(events));
        page.append("</body>\n</html>\n");
        return page.toString();
    }

    /** The trace drawn as simulate draws a preview's; the records keep no phases, so the phase strips stay empty. */
    private static String chart(SessionRecord record) {
        if (record.trace().isEmpty()) {
            return "<p>No samples were recorded.</p>";
        }
        List<Preview.Sample> samples = new ArrayList<>(record.trace().size());
        for (TraceSample sample : record.trace()) {
            samples.add(new Preview.Sample(Duration.ofMillis(Math.round(sample.seconds() * 1000)), sample.cup(),
                    sample.commandedKpa(), sample.measuredKpa() == null ? Double.NaN : sample.measuredKpa(), ""));
        }
        SessionSummary s = record.summary();
        List<String> cups = new ArrayList<>();
        for (CupRecord cup : record.cups()) {
            cups.add("cup " + cup.cup() + " " + cup.site());
        }
        String svg = TraceChart.svg(Trace.of(samples), s.techniqueId() + " " + s.techniqueVersion() + " for "
                + s.clientId(), String.join(", ", cups), "");
        int start = svg.indexOf("<svg");
        return start < 0 ? svg : svg.substring(start); // inline: no XML declaration inside HTML
    }

    private static String[] row(String name, String value) {
        return new String[] {name, value};
    }

    private static String table(List<String[]> rows) {
        StringBuilder html = new StringBuilder("<table>\n");
        for (String[] row : rows) {
            html.append("<tr><th>").append(escape(row[0])).append("</th><td>").append(escape(row[1]))
                    .append("</td></tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private static String grid(List<String[]> rows) {
        StringBuilder html = new StringBuilder("<table>\n<tr>");
        for (String heading : rows.get(0)) {
            html.append("<th>").append(escape(heading)).append("</th>");
        }
        html.append("</tr>\n");
        for (String[] row : rows.subList(1, rows.size())) {
            html.append("<tr>");
            for (String cell : row) {
                html.append("<td>").append(escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private static String pairs(Map<String, ?> values) {
        if (values.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        values.forEach((name, value) -> parts.add(name + "=" + value));
        return String.join(", ", parts);
    }

    public static String when(String instant, ZoneId zone) {
        return WHEN.format(java.time.Instant.parse(instant).atZone(zone));
    }

    private static String kpa(double value) {
        return String.format(Locale.ROOT, "%.1f kPa", value);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f s", value);
    }

    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
