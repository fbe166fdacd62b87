package io.upwell.engine.records.internal.journal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.upwell.api.records.AlarmRecord;
import io.upwell.api.records.CupRecord;
import io.upwell.api.records.OverTreatmentRecord;
import io.upwell.api.records.Outcome;
import io.upwell.api.records.ScreeningRecord;
import io.upwell.api.records.SessionEvent;
import io.upwell.api.records.SessionJournalFormat;
import io.upwell.api.records.SessionRecord;
import io.upwell.api.records.SessionSummary;
import io.upwell.api.records.SiteExposure;
import io.upwell.api.records.SiteKeys;
import io.upwell.api.records.TraceSample;
import io.upwell.api.records.VerdictRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a settled session journal (format {@value SessionJournalFormat#VERSION}, see
 * docs/journal-format.md) into a {@link SessionRecord}. Lines it cannot read are counted, records of
 * types it does not know become events, and fields it does not know are ignored, as the format's
 * contract asks of readers.
 */
public final class SessionJournalReader {
    private static final Set<String> ENVELOPE = Set.of("type", "time", "session", "t");

    /**
     * @param station the engine the journal belongs to, recorded with the session
     * @throws UnreadableJournalException when the file has no readable start, is of a newer format, or
     *         is not settled
     */
    public SessionRecord read(Path file, String station) throws IOException, UnreadableJournalException {
        String name = file.getFileName().toString();
        String sessionId = name.endsWith(SessionJournalFormat.FILE_SUFFIX)
                ? name.substring(0, name.length() - SessionJournalFormat.FILE_SUFFIX.length()) : name;
        Parts parts = new Parts();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonObject record = JsonLine.parse(line);
                if (record == null) {
                    parts.unreadable++;
                    continue;
                }
                parts.take(record);
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UnreadableJournalException("journal " + file + " is not UTF-8 text");
        }
        if (parts.start == null) {
            throw new UnreadableJournalException("journal " + file + " has no readable session-start record");
        }
        int format = parts.start.has(SessionJournalFormat.FORMAT_FIELD)
                ? parts.start.get(SessionJournalFormat.FORMAT_FIELD).getAsInt() : 1;
        if (format > SessionJournalFormat.VERSION) {
            throw new UnreadableJournalException("journal " + file + " is of format " + format
                    + ", newer than this records bundle reads (" + SessionJournalFormat.VERSION + ")");
        }
        if (parts.end == null && parts.recovered == null) {
            throw new UnreadableJournalException("journal " + file + " is not settled: the session has not ended");
        }
        return parts.record(sessionId, station, format);
    }

    /** What the lines of one file say, gathered in order. */
    private static final class Parts {
        JsonObject start;
        JsonObject end;
        JsonObject recovered;
        int unreadable;
        long dropped;
        double lastSampleSeconds;
        final List<TraceSample> trace = new ArrayList<>();
        final List<MutableAlarm> alarms = new ArrayList<>();
        final List<SessionEvent> events = new ArrayList<>();

        void take(JsonObject record) {
            if (record.has("dropped") && record.get("dropped").isJsonPrimitive()) {
                dropped += record.get("dropped").getAsLong();
            }
            String type = record.get("type").getAsString();
            switch (type) {
                case SessionJournalFormat.SESSION_START -> start = start == null ? record : start;
                case SessionJournalFormat.SAMPLE -> sample(record);
                case SessionJournalFormat.SESSION_END -> end = record;
                case SessionJournalFormat.RECOVERED -> {
                    recovered = record;
                    events.add(event(record));
                }
                case SessionJournalFormat.ALARM -> alarms.add(new MutableAlarm(record));
                case SessionJournalFormat.ALARM_ACKNOWLEDGED -> acknowledgeOne(record);
                case SessionJournalFormat.ACKNOWLEDGE -> {
                    if (!record.has("alarm")) { // one that named an alarm journaled that alarm's own step
                        acknowledge(text(record, "time"), text(record, "operator"));
                    }
                    events.add(event(record));
                }
                default -> events.add(event(record));
            }
        }

        private void sample(JsonObject record) {
            double seconds = number(record, "t", 0);
            Double measured = nullableNumber(record, "meas");
            trace.add(new TraceSample(seconds, (int) number(record, "cup", 0), number(record, "cmd", 0), measured));
            lastSampleSeconds = Math.max(lastSampleSeconds, seconds);
        }

        /** An operator acknowledged one alarm, named by its id. */
        private void acknowledgeOne(JsonObject record) {
            String id = text(record, "id");
            for (MutableAlarm alarm : alarms) {
                if (id != null && id.equals(text(alarm.raised, "id")) && alarm.acknowledgedAt == null) {
                    alarm.acknowledgedAt = text(record, "time");
                    alarm.acknowledgedBy = text(record, "by");
                }
            }
        }

        /** An acknowledgement of all clears every latched fault so far. */
        private void acknowledge(String time, String operator) {
            for (MutableAlarm alarm : alarms) {
                if (alarm.latched && alarm.acknowledgedAt == null) {
                    alarm.acknowledgedAt = time;
                    alarm.acknowledgedBy = operator;
                }
            }
        }

        SessionRecord record(String sessionId, String station, int format) {
            Map<Integer, Double> peaks = new HashMap<>();
            if (end != null && end.has("peaks") && end.get("peaks").isJsonArray()) {
                for (JsonElement peak : end.getAsJsonArray("peaks")) {
                    JsonObject p = peak.getAsJsonObject();
                    Double kpa = nullableNumber(p, "peakKpa");
                    if (kpa != null) {
                        peaks.put((int) number(p, "cup", -1), kpa);
                    }
                }
            }
            Map<Integer, CupTrace> traces = new TreeMap<>();
            for (TraceSample sample : trace) {
                traces.computeIfAbsent(sample.cup(), cup -> new CupTrace()).add(sample);
            }
            List<CupRecord> cups = new ArrayList<>();
            Set<String> devices = new TreeSet<>();
            Set<String> sites = new LinkedHashSet<>();
            if (start.has("cups") && start.get("cups").isJsonArray()) {
                for (JsonElement element : start.getAsJsonArray("cups")) {
                    JsonObject c = element.getAsJsonObject();
                    int index = (int) number(c, "cup", cups.size());
                    String journaledSite = text(c, "site");
                    CupTrace cupTrace = traces.getOrDefault(index, new CupTrace());
                    Double peak = peaks.containsKey(index) ? peaks.get(index) : cupTrace.peak;
                    JsonElement zone = c.get("zone");
                    Integer zoneOrNull = zone != null && zone.isJsonPrimitive() && zone.getAsJsonPrimitive().isNumber()
                            ? zone.getAsInt() : null;
                    CupRecord cup = new CupRecord(index, text(c, "device"), (int) number(c, "channel", -1),
                            SiteKeys.ofJournaled(journaledSite), SiteKeys.labelOfJournaled(journaledSite), zoneOrNull,
                            textMap(c.get("overrides")), number(c, "limitKpa", Double.NaN), text(c, "limitSetBy"), peak,
                            cupTrace.exposureSeconds, cupTrace.kpaSeconds, flag(c, "simulated"));
                    cups.add(cup);
                    devices.add(cup.deviceId());
                    sites.add(cup.site());
                }
            }
            List<AlarmRecord> alarmRecords = alarms.stream().map(MutableAlarm::record).toList();
            Outcome outcome;
            String reason;
            String endedAt;
            double programSeconds;
            if (end != null) {
                outcome = "ABORTED".equals(text(end, "state")) ? Outcome.ABORTED : Outcome.ENDED;
                reason = text(end, "reason");
                endedAt = text(end, "time");
                programSeconds = number(end, "programSeconds", lastSampleSeconds);
            } else {
                outcome = Outcome.INTERRUPTED;
                reason = text(recovered, "reason");
                String lastRecordTime = text(recovered, "lastRecordTime");
                endedAt = lastRecordTime.isEmpty() ? text(recovered, "time") : lastRecordTime;
                programSeconds = lastSampleSeconds;
            }
            SessionSummary summary = new SessionSummary(sessionId, station, text(start, "client"), text(start, "operator"),
                    text(start, "technique"), text(start, "techniqueVersion"), List.copyOf(devices), List.copyOf(sites),
                    text(start, "time"), endedAt, programSeconds, outcome, reason, alarmRecords.size());
            Map<String, Double> limits = new TreeMap<>();
            if (start.has("limits") && start.get("limits").isJsonObject()) {
                for (Map.Entry<String, JsonElement> limit : start.getAsJsonObject("limits").entrySet()) {
                    if (limit.getValue().isJsonPrimitive() && limit.getValue().getAsJsonPrimitive().isNumber()) {
                        limits.put(limit.getKey(), limit.getValue().getAsDouble());
                    }
                }
            }
            return new SessionRecord(summary, text(start, "program"), text(start, "module"), text(start, "origin"),
                    number(start, "plannedSeconds", 0), (int) number(start, "intensity", 0),
                    textMap(start.get("parameters")), limits, cups, screening(start), alarmRecords, events, trace, format,
                    dropped, unreadable, overTreatment(start));
        }
    }

    /** One cup's samples, folded into its peak and exposure as they come. */
    private static final class CupTrace {
        Double peak;
        double exposureSeconds;
        double kpaSeconds;
        private TraceSample previous;

        void add(TraceSample sample) {
            if (sample.measuredKpa() != null) {
                peak = peak == null ? sample.measuredKpa() : Math.max(peak, sample.measuredKpa());
            }
            if (previous != null && previous.measuredKpa() != null) {
                double dt = sample.seconds() - previous.seconds();
                if (dt > 0) {
                    double kpa = previous.measuredKpa();
                    if (kpa >= SiteExposure.THRESHOLD_KPA) {
                        exposureSeconds += dt;
                    }
                    if (kpa > 0) {
                        kpaSeconds += kpa * dt;
                    }
                }
            }
            previous = sample;
        }
    }

    private static final class MutableAlarm {
        final JsonObject raised;
        final boolean latched;
        String acknowledgedAt;
        String acknowledgedBy;

        MutableAlarm(JsonObject raised) {
            this.raised = raised;
            JsonElement latch = raised.get("latched");
            this.latched = latch != null && latch.isJsonPrimitive() && latch.getAsBoolean();
        }

        AlarmRecord record() {
            return new AlarmRecord(text(raised, "time"), text(raised, "priority"), text(raised, "condition"),
                    text(raised, "requirement"), text(raised, "device"), (int) number(raised, "channel", -1),
                    text(raised, "message"), latched, acknowledgedAt, acknowledgedBy);
        }
    }

    /** The start's {@code overTreatment} object (SR-15); null when the session was not judged. */
    private static OverTreatmentRecord overTreatment(JsonObject start) {
        JsonElement element = start.get("overTreatment");
        if (element == null || !element.isJsonObject()) {
            return null;
        }
        JsonObject judged = element.getAsJsonObject();
        String approvedBy = null;
        String reason = null;
        if (judged.has("override") && judged.get("override").isJsonObject()) {
            approvedBy = text(judged.getAsJsonObject("override"), "approvedBy");
            reason = text(judged.getAsJsonObject("override"), "reason");
        }
        return new OverTreatmentRecord(number(judged, "siteIntervalHours", Double.NaN),
                number(judged, "dailySiteExposureMinutes", Double.NaN), text(judged, "history"),
                textList(judged.get("warnings")), approvedBy, reason);
    }

    /** A true/false field; null when absent or not a boolean. */
    private static Boolean flag(JsonObject record, String field) {
        JsonElement value = record.get(field);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean() ? value.getAsBoolean()
                : null;
    }

    private static ScreeningRecord screening(JsonObject start) {
        List<VerdictRecord> verdicts = new ArrayList<>();
        if (start.has("verdicts") && start.get("verdicts").isJsonArray()) {
            for (JsonElement element : start.getAsJsonArray("verdicts")) {
                JsonObject v = element.getAsJsonObject();
                JsonElement consent = v.get("consentRequired");
                verdicts.add(new VerdictRecord(text(v, "rule"), text(v, "verdict"), text(v, "reason"), text(v, "source"),
                        nullableNumber(v, "fraction"),
                        consent != null && consent.isJsonPrimitive() ? consent.getAsBoolean() : null));
            }
        }
        JsonElement screening = start.get("screening");
        if (screening == null || !screening.isJsonObject()) {
            return new ScreeningRecord(false, List.of(), List.of(), null, "", null, null, verdicts);
        }
        JsonObject s = screening.getAsJsonObject();
        String consentBy = null;
        String consentReason = null;
        if (s.has("consent") && s.get("consent").isJsonObject()) {
            consentBy = text(s.getAsJsonObject("consent"), "givenBy");
            consentReason = text(s.getAsJsonObject("consent"), "reason");
        }
        return new ScreeningRecord(true, textList(s.get("conditions")), textList(s.get("sites")),
                nullableNumber(s, "maxVacuumKpa"), text(s, "screenedBy"), consentBy, consentReason, verdicts);
    }

    private static SessionEvent event(JsonObject record) {
        Map<String, String> details = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> field : record.entrySet()) {
            if (!ENVELOPE.contains(field.getKey())) {
                details.put(field.getKey(), asText(field.getValue()));
            }
        }
        return new SessionEvent(text(record, "time"), record.get("type").getAsString(), details);
    }

    private static String text(JsonObject record, String field) {
        JsonElement value = record.get(field);
        return value == null || value.isJsonNull() ? "" : asText(value);
    }

    private static String asText(JsonElement value) {
        if (value.isJsonNull()) {
            return "";
        }
        return value.isJsonPrimitive() ? value.getAsString() : value.toString();
    }

    private static double number(JsonObject record, String field, double otherwise) {
        Double value = nullableNumber(record, field);
        return value == null ? otherwise : value;
    }

    /** A number field; null when absent, null or not a number (the journal writes "no value" so). */
    private static Double nullableNumber(JsonObject record, String field) {
        JsonElement value = record.get(field);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber() ? value.getAsDouble()
                : null;
    }

    private static Map<String, String> textMap(JsonElement element) {
        Map<String, String> map = new TreeMap<>();
        if (element != null && element.isJsonObject()) {
            for (Map.Entry<String, JsonElement> field : element.getAsJsonObject().entrySet()) {
                map.put(field.getKey(), asText(field.getValue()));
            }
        }
        return map;
    }

    private static List<String> textList(JsonElement element) {
        List<String> list = new ArrayList<>();
        if (element != null && element.isJsonArray()) {
            for (JsonElement item : (JsonArray) element) {
                list.add(asText(item));
            }
        }
        return list;
    }
}
