package io.upwell.engine.records.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.upwell.api.records.CupRecord;
import io.upwell.api.records.SessionRecord;
import io.upwell.api.records.SessionSummary;
import io.upwell.api.records.TraceSample;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Records as files: JSON is the records' own types as Gson writes them; CSV of one session is its
 * sample trace (one row per sample, with the cup's device, channel and site), CSV of many is one row
 * per session (RFC 4180: comma-separated, CRLF line ends, text quoted only when it must be).
 */
public final class RecordsExport {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .create();

    public static final String TRACE_HEADER = "session,seconds,cup,device,channel,site,commanded_kpa,measured_kpa";
    public static final String SUMMARY_HEADER = "session,station,client,operator,technique,technique_version,started_at,"
            + "ended_at,program_seconds,outcome,reason,alarms,devices,sites";

    private RecordsExport() {
    }

    public static void json(Object value, Writer out) throws IOException {
        GSON.toJson(value, out);
        out.write(System.lineSeparator());
    }

    public static void traceCsv(SessionRecord record, Writer out) throws IOException {
        out.write(TRACE_HEADER + "\r\n");
        String id = record.summary().sessionId();
        for (TraceSample sample : record.trace()) {
            CupRecord cup = sample.cup() < record.cups().size() ? record.cups().get(sample.cup()) : null;
            out.write(String.join(",", TraceCsv.text(id), number(sample.seconds()), Integer.toString(sample.cup()),
                    TraceCsv.text(cup == null ? "" : cup.deviceId()), cup == null ? "" : Integer.toString(cup.channel()),
                    TraceCsv.text(cup == null ? "" : cup.site()), number(sample.commandedKpa()),
                    sample.measuredKpa() == null ? "" : number(sample.measuredKpa())));
            out.write("\r\n");
        }
    }

    public static void summariesCsv(List<SessionSummary> sessions, Writer out) throws IOException {
        out.write(SUMMARY_HEADER + "\r\n");
        for (SessionSummary s : sessions) {
            out.write(String.join(",", TraceCsv.text(s.sessionId()), TraceCsv.text(s.station()),
                    TraceCsv.text(s.clientId()), TraceCsv.text(s.operator()), TraceCsv.text(s.techniqueId()),
                    TraceCsv.text(s.techniqueVersion()), s.startedAt(), s.endedAt(), number(s.programSeconds()),
                    s.outcome().name(), TraceCsv.text(s.reason()), Integer.toString(s.alarms()),
                    TraceCsv.text(String.join(" ", s.devices())), TraceCsv.text(String.join(" ", s.sites()))));
            out.write("\r\n");
        }
    }

    private static String number(double value) {
        return TraceCsv.number(value);
    }
}
