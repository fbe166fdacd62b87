package io.upwell.engine.records.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.upwell.api.records.AlarmRecord;
import io.upwell.api.records.CupRecord;
import io.upwell.api.records.Outcome;
import io.upwell.api.records.ScreeningRecord;
import io.upwell.api.records.SessionEvent;
import io.upwell.api.records.SessionRecord;
import io.upwell.api.records.SessionSummary;
import io.upwell.api.records.TraceSample;
import io.upwell.api.records.VerdictRecord;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The files the records commands write: JSON, CSV and the printable report. */
class RecordsFilesTest {

    static SessionRecord record() {
        SessionSummary summary = new SessionSummary("s-1", "room-2", "C-17", "Ana <Lima>", "static-cupping", "1.2.0",
                List.of("sim-1"), List.of("upper-back/left", "shoulder/right"), "2026-11-24T09:00:00Z",
                "2026-11-24T09:00:03Z", 3.0, Outcome.ABORTED, "leak, on cup 1", 1);
        List<TraceSample> trace = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            trace.add(new TraceSample(i / 10.0, 0, 20, 19.5));
            trace.add(new TraceSample(i / 10.0, 1, 20, i == 0 ? null : 18.0));
        }
        return new SessionRecord(summary, "Static cupping", "io.upwell.plugins.staticcupping 0.1.0", "bundle", 10, 90,
                Map.of("targetKpa", "20"), Map.of("dwellSeconds", 900.0),
                List.of(new CupRecord(0, "sim-1", 0, "upper-back/left", "", null, Map.of(), 55, "body region", 19.5, 2.9,
                        56.55), new CupRecord(1, "sim-1", 1, "shoulder/right", "below scapula", 0,
                                Map.of("targetKpa", "18"), 50, "body region", 18.0, 2.8, 50.4)),
                new ScreeningRecord(true, List.of("hypertension"), List.of(), 30.0, "Dr. Reis", "Ana", "GP agreed",
                        List.of(new VerdictRecord("relative", "lower", "hypertension", "Cao 2012", 0.6, true))),
                List.of(new AlarmRecord("2026-11-24T09:00:02Z", "HIGH", "LEAK", "SR-06", "sim-1", 1, "seal lost", true,
                        "2026-11-24T09:00:05Z", "Ana")),
                List.of(new SessionEvent("2026-11-24T09:00:01Z", "state", Map.of("to", "RUNNING"))), trace, 1, 0, 0);
    }

    @Test
    void jsonIsTheRecordAsGsonWritesIt() throws Exception {
        StringWriter out = new StringWriter();
        RecordsExport.json(record(), out);
        JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertEquals("s-1", json.getAsJsonObject("summary").get("sessionId").getAsString());
        assertEquals("ABORTED", json.getAsJsonObject("summary").get("outcome").getAsString());
        assertEquals(60, json.getAsJsonArray("trace").size());
        assertTrue(json.getAsJsonArray("trace").get(1).getAsJsonObject().get("measuredKpa").isJsonNull(),
                "no measurement is null, not NaN");
        assertEquals("Ana", json.getAsJsonArray("alarms").get(0).getAsJsonObject().get("acknowledgedBy").getAsString());
    }

    @Test
    void csvOfOneSessionIsItsTraceWithEachCupsPlace() throws Exception {
        StringWriter out = new StringWriter();
        RecordsExport.traceCsv(record(), out);
        String[] lines = out.toString().split("\r\n");
        assertEquals(RecordsExport.TRACE_HEADER, lines[0]);
        assertEquals(61, lines.length);
        assertEquals("s-1,0.000,0,sim-1,0,upper-back/left,20.000,19.500", lines[1]);
        assertEquals("s-1,0.000,1,sim-1,1,shoulder/right,20.000,", lines[2]);
    }

    @Test
    void csvOfManyIsOneRowPerSessionQuotedWhereItMustBe() throws Exception {
        StringWriter out = new StringWriter();
        RecordsExport.summariesCsv(List.of(record().summary()), out);
        assertEquals(RecordsExport.SUMMARY_HEADER + "\r\ns-1,room-2,C-17,Ana <Lima>,static-cupping,1.2.0,"
                + "2026-11-24T09:00:00Z,2026-11-24T09:00:03Z,3.000,ABORTED,\"leak, on cup 1\",1,sim-1,"
                + "upper-back/left shoulder/right\r\n", out.toString());
    }

    @Test
    void theReportStandsAloneWithItsChartAndEscapesWhatItShows() {
        String html = SessionReport.html(record(), ZoneOffset.UTC);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<svg"), "the pressure chart is embedded");
        assertTrue(html.contains(TraceChart.PRESSURE_AXIS));
        assertTrue(html.contains("Ana &lt;Lima&gt;"), "text is escaped");
        assertTrue(html.contains("LEAK (SR-06)"));
        assertTrue(html.contains("2026-11-24 09:00:05 Z by Ana"), "the alarm's acknowledgement");
        assertTrue(html.contains("lower to 60 %"));
        assertTrue(html.contains("Ana: GP agreed"), "the consent");
        assertTrue(html.contains("ABORTED: leak, on cup 1"));
    }
}
