package io.upwell.launcher.app.internal;

import io.upwell.api.records.CupRecord;
import io.upwell.api.records.DeliveryStatus;
import io.upwell.api.records.RecordsException;
import io.upwell.api.records.RecordsService;
import io.upwell.api.records.SessionRecord;
import io.upwell.api.records.SessionSummary;
import io.upwell.engine.records.report.RecordsExport;
import io.upwell.engine.records.report.SessionReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code records ...}: the same for the shell and the launcher. Prints one line on a refusal or a
 * database that cannot be read, never a stack trace, and returns an exit code.
 */
final class RecordsCommand {
    private final RecordsService records;
    private final PrintStream out;
    private final PrintStream err;
    private final String prefix;
    private final ZoneId zone;

    RecordsCommand(RecordsService records, PrintStream out, PrintStream err, String prefix, ZoneId zone) {
        this.records = records;
        this.out = out;
        this.err = err;
        this.prefix = prefix;
        this.zone = zone;
    }

    int run(List<String> words) {
        RecordsArguments arguments;
        try {
            arguments = RecordsArguments.parse(words, zone);
        } catch (IllegalArgumentException e) {
            err.println(prefix + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            switch (arguments.action()) {
                case "list" -> list(records.find(arguments.query()));
                case "show" -> {
                    Optional<SessionRecord> record = records.session(arguments.id());
                    if (record.isEmpty()) {
                        return notFound(arguments.id());
                    }
                    show(record.get());
                }
                case "report" -> {
                    Optional<SessionRecord> record = records.session(arguments.id());
                    if (record.isEmpty()) {
                        return notFound(arguments.id());
                    }
                    write(arguments.out(), writer -> writer.write(SessionReport.html(record.get(), zone)));
                    out.println("wrote " + arguments.out() + " (" + arguments.id() + ")");
                }
                case "export" -> {
                    return export(arguments);
                }
                default -> status(records.deliveryStatus());
            }
            return ExitCodes.OK;
        } catch (RecordsException e) {
            err.println(prefix + e.getMessage());
            return ExitCodes.SESSION_FAILED;
        } catch (IOException e) {
            err.println(prefix + "cannot write " + arguments.out() + ": " + e.getMessage());
            return ExitCodes.SESSION_FAILED;
        }
    }

    private int export(RecordsArguments arguments) throws RecordsException, IOException {
        if (arguments.id() != null) {
            Optional<SessionRecord> record = records.session(arguments.id());
            if (record.isEmpty()) {
                return notFound(arguments.id());
            }
            write(arguments.out(), writer -> {
                if (arguments.format().equals("json")) {
                    RecordsExport.json(record.get(), writer);
                } else {
                    RecordsExport.traceCsv(record.get(), writer);
                }
            });
            out.println("wrote " + arguments.out() + " (" + arguments.id() + ", " + record.get().trace().size()
                    + " samples)");
        } else {
            List<SessionSummary> sessions = records.find(arguments.query());
            write(arguments.out(), writer -> {
                if (arguments.format().equals("json")) {
                    RecordsExport.json(sessions, writer);
                } else {
                    RecordsExport.summariesCsv(sessions, writer);
                }
            });
            out.println("wrote " + arguments.out() + " (" + sessions.size() + " session(s))");
        }
        return ExitCodes.OK;
    }

    private int notFound(String id) {
        err.println(prefix + "no session " + id + " in the records database (a session that just ended may still"
                + " be on its way: see 'records status')");
        return ExitCodes.SESSION_FAILED;
    }

    private void list(List<SessionSummary> sessions) {
        if (sessions.isEmpty()) {
            out.println("no sessions match");
            return;
        }
        for (SessionSummary s : sessions) {
            out.println(String.format(Locale.ROOT, "%s  %s  %-12s %-18s %-8s %7.1f s  %-11s %s  [%s]", s.sessionId(),
                    SessionReport.when(s.startedAt(), zone), s.clientId(), s.techniqueId(), String.join(",", s.devices()),
                    s.programSeconds(), s.outcome(), String.join(", ", s.sites()), s.station()));
        }
        out.println(sessions.size() + " session(s)");
    }

    private void show(SessionRecord record) {
        SessionSummary s = record.summary();
        out.println("session " + s.sessionId() + " on " + s.station());
        out.println("  client " + s.clientId() + ", operator " + s.operator());
        out.println("  " + s.techniqueId() + " " + s.techniqueVersion() + " (" + record.program() + "), intensity "
                + record.intensity() + " %, parameters " + new java.util.TreeMap<>(record.parameters()));
        out.println("  started " + SessionReport.when(s.startedAt(), zone) + ", ended " + SessionReport.when(s.endedAt(),
                zone) + String.format(Locale.ROOT, ", ran %.1f s of %.1f s", s.programSeconds(), record.plannedSeconds()));
        out.println("  outcome " + s.outcome() + (s.reason().isEmpty() ? "" : ": " + s.reason()));
        for (CupRecord cup : record.cups()) {
            out.println(String.format(Locale.ROOT, "  cup %d  %s#%d  %-22s limit %5.1f kPa (%s)  peak %s  %.1f s at 2 kPa"
                    + " or more", cup.cup(), cup.deviceId(), cup.channel(), cup.site(), cup.limitKpa(), cup.limitSetBy(),
                    cup.peakKpa() == null ? "none" : String.format(Locale.ROOT, "%.1f kPa", cup.peakKpa()),
                    cup.exposureSeconds()));
        }
        if (record.screening().screened()) {
            out.println("  screening by " + record.screening().screenedBy() + ": " + (record.screening().conditions()
                    .isEmpty() ? "no contraindications" : String.join(", ", record.screening().conditions()))
                    + (record.screening().consentBy() == null ? "" : "; consent by " + record.screening().consentBy()
                            + ": " + record.screening().consentReason()));
        } else {
            out.println("  not screened (simulated devices only)");
        }
        record.screening().verdicts().forEach(v -> out.println("  verdict " + v.rule() + ": " + v.verdict() + ", "
                + v.reason() + " (" + v.source() + ")"));
        if (record.alarms().isEmpty()) {
            out.println("  alarms: none");
        }
        record.alarms().forEach(a -> out.println("  alarm " + SessionReport.when(a.raisedAt(), zone) + " " + a.priority()
                + " " + a.condition() + ": " + a.message() + (a.acknowledgedAt() == null ? ""
                        : " (acknowledged by " + a.acknowledgedBy() + ")")));
        out.println("  " + record.trace().size() + " samples; 'records report " + s.sessionId()
                + " --out FILE.html' draws them");
    }

    private void status(DeliveryStatus status) {
        out.println("records database: " + status.database() + (status.connected() ? ", connected" : ", not connected")
                + (status.schemaVersion() > 0 ? ", schema version " + status.schemaVersion() : ""));
        out.println("delivered since start: " + status.delivered() + "; waiting in the journal: "
                + (status.pending().isEmpty() ? "none" : status.pending().size() + " " + status.pending()));
        if (status.lastProblem() != null) {
            out.println("last problem (" + SessionReport.when(status.lastProblemAt(), zone) + "): " + status.lastProblem());
        }
    }

    private interface Content {
        void write(Writer writer) throws IOException;
    }

    private static void write(Path file, Content content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            content.write(writer);
        }
    }
}
