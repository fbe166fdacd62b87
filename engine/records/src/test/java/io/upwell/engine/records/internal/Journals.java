package io.upwell.engine.records.internal;

import io.upwell.engine.core.internal.journal.JsonLinesJournal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes session journals with the engine's own writer, with the fields the engine puts in a
 * session's start (SessionPlanner) and end (SessionSnapshotSummary).
 */
final class Journals implements AutoCloseable {
    static final long SECOND = 1_000_000_000L;

    private final JsonLinesJournal journal;

    /** A cup of a session: where it sits, its limit, whether its device is a simulator (null: not said). */
    record Cup(String device, int channel, String site, double limitKpa, Boolean simulated) {
        Cup(String device, int channel, String site, double limitKpa) {
            this(device, channel, site, limitKpa, null);
        }
    }

    /** Put into the next session's start as its {@code overTreatment} (SR-15); null for none. */
    Map<String, Object> overTreatment;

    Journals(Path dataDirectory) {
        journal = new JsonLinesJournal(dataDirectory, Duration.ofMillis(10), 1 << 16);
    }

    JsonLinesJournal journal() {
        return journal;
    }

    /** Begins a session the way the engine does, with a screening that found nothing unless given. */
    void begin(String id, String client, String technique, List<Cup> cups, Object screening,
            List<Map<String, Object>> verdicts) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("journalFormat", 1);
        header.put("operator", "Ana Lima");
        header.put("client", client);
        header.put("screening", screening);
        header.put("technique", technique);
        header.put("techniqueVersion", "1.2.0");
        header.put("origin", "bundle");
        header.put("style", "STATIC");
        header.put("module", "io.upwell.plugins.staticcupping 0.1.0.SNAPSHOT");
        header.put("program", "Static cupping");
        header.put("plannedSeconds", 10.0);
        header.put("parameters", Map.of("targetKpa", "30", "holdSeconds", "5"));
        header.put("intensity", 90);
        List<Map<String, Object>> cupFields = new ArrayList<>();
        for (int c = 0; c < cups.size(); c++) {
            Cup cup = cups.get(c);
            Map<String, Object> fields = new LinkedHashMap<>(Map.of("cup", c, "device", cup.device(), "channel",
                    cup.channel(), "site", cup.site(), "zone", c == 1 ? (Object) 0 : "none", "overrides",
                    c == 1 ? Map.of("targetKpa", "25") : Map.of(), "limitKpa", cup.limitKpa(), "limitSetBy",
                    "body region " + cup.site()));
            if (cup.simulated() != null) {
                fields.put("simulated", cup.simulated());
            }
            cupFields.add(fields);
        }
        header.put("cups", cupFields);
        header.put("limits", Map.of("riseKpaPerSecond", 10.0, "leakThresholdKpa", 2.0, "dwellSeconds", 900,
                "maxSessionMinutes", 60));
        if (verdicts != null) {
            header.put("verdicts", verdicts);
        }
        if (overTreatment != null) {
            header.put("overTreatment", overTreatment);
        }
        header.put(JsonLinesJournal.CLOCK_NANOS, 0L);
        journal.begin(id, header);
    }

    void begin(String id, String client, List<Cup> cups) {
        begin(id, client, "static-cupping", cups, "none (simulated devices only)", null);
    }

    /** Ten samples a second for {@code seconds}, every cup at {@code kpa} measured (commanded 1 kPa more). */
    void samples(int cups, double fromSecond, double seconds, double kpa) {
        for (int tenth = 0; tenth < Math.round(seconds * 10); tenth++) {
            long nanos = Math.round((fromSecond + tenth / 10.0) * SECOND);
            for (int cup = 0; cup < cups; cup++) {
                journal.sample(nanos, cup, kpa + 1, kpa);
            }
        }
    }

    void state(String id, String from, String to, String reason) {
        journal.event(id, "state", Map.of("from", from, "to", to, "reason", reason));
    }

    void alarm(String id, String condition, String device, int channel, boolean latched) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("priority", latched ? "HIGH" : "MEDIUM");
        fields.put("condition", condition);
        fields.put("requirement", "SR-06");
        fields.put("device", device);
        fields.put("channel", channel);
        fields.put("message", "cup on " + device + "#" + channel + " lost its seal");
        fields.put("latched", latched);
        journal.eventOfSession(id, "alarm", fields);
    }

    /** An alarm with an id, as the engine journals it since alarms have a lifecycle. */
    void alarm(String id, String alarmId, String condition, boolean latched) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", alarmId);
        fields.put("priority", latched ? "HIGH" : "MEDIUM");
        fields.put("condition", condition);
        fields.put("requirement", "SR-02");
        fields.put("device", "sim-1");
        fields.put("channel", 0);
        fields.put("message", condition + " on sim-1#0");
        fields.put("latched", latched);
        journal.eventOfSession(id, "alarm", fields);
    }

    /** One alarm acknowledged by id, and the acknowledgement record that names it. */
    void acknowledgeAlarm(String id, String alarmId, String operator, boolean latchCleared) {
        journal.eventOfSession(id, "alarm-acknowledged", Map.of("id", alarmId, "by", operator));
        journal.eventOfSession(id, "acknowledge", latchCleared
                ? Map.of("operator", operator, "alarm", alarmId, "wasLatched", true, "causes", "[FAULT]")
                : Map.of("operator", operator, "alarm", alarmId, "latchCleared", false, "stillLatched", "[FAULT]"));
    }

    void acknowledge(String id, String operator) {
        journal.eventOfSession(id, "acknowledge", Map.of("operator", operator, "wasLatched", true, "causes", "[FAULT]"));
    }

    void end(String id, String state, String reason, double programSeconds, double... peaks) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("state", state);
        summary.put("reason", reason);
        summary.put("programSeconds", programSeconds);
        List<Map<String, Object>> peakList = new ArrayList<>();
        for (int c = 0; c < peaks.length; c++) {
            peakList.add(Map.of("cup", c, "peakKpa", peaks[c]));
        }
        summary.put("peaks", peakList);
        summary.put("alarms", 0);
        journal.end(id, summary);
    }

    /** One whole session that ran {@code seconds} at {@code kpa} and ended normally. */
    void session(String id, String client, List<Cup> cups, double seconds, double kpa) {
        begin(id, client, cups);
        state(id, "READY", "RUNNING", "");
        samples(cups.size(), 0, seconds, kpa);
        state(id, "RUNNING", "ENDED", "program complete");
        double[] peaks = new double[cups.size()];
        java.util.Arrays.fill(peaks, kpa);
        end(id, "ENDED", "program complete", seconds, peaks);
    }

    @Override
    public void close() {
        journal.close();
    }
}
