package io.upwell.engine.core.internal.journal;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns records and samples into journal lines, one JSON object each, through Gson. Not
 * thread-safe: it reuses one buffer, so each thread that writes lines has its own instance.
 */
final class JournalLines {

    private final Gson gson;
    private final JournalHealth health;
    private final StringWriter buffer = new StringWriter(256);
    /** Consecutive samples mostly share their wall millisecond; formatting it is the costliest part. */
    private long lastSampleMillis = Long.MIN_VALUE;
    private String lastSampleTime;

    JournalLines(Gson gson, JournalHealth health) {
        this.gson = gson;
        this.health = health;
    }

    /**
     * A record: {@code type}, {@code time}, {@code session} (unless null), {@code t} (unless NaN),
     * {@code dropped} (unless zero), then the caller's fields in their map's order. A field Gson
     * cannot convert is written as its {@code toString()} and named in {@code "unserializable"},
     * so the rest of the record is kept.
     */
    String record(String type, Instant time, String session, double secondsSinceStart, long dropped,
            Map<String, ?> fields) {
        List<String> unserializable = new ArrayList<>(0);
        try (JsonWriter json = begin(type, time.toString())) {
            if (session != null) {
                json.name("session").value(session);
            }
            if (!Double.isNaN(secondsSinceStart)) {
                json.name("t").value(secondsSinceStart);
            }
            if (dropped > 0) {
                json.name("dropped").value(dropped);
            }
            for (Map.Entry<String, ?> field : fields.entrySet()) {
                json.name(field.getKey());
                JsonElement value = toTree(field.getKey(), field.getValue(), unserializable);
                gson.toJson(value, json);
            }
            if (!unserializable.isEmpty()) {
                json.name("unserializable");
                gson.toJson(gson.toJsonTree(unserializable), json);
            }
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON into memory cannot fail", e);
        }
        return buffer.toString();
    }

    /**
     * A sample: pressures rounded to 0.01 kPa, the session time to the millisecond, a non-finite
     * pressure (no measurement) as {@code null}.
     */
    String sample(long wallMillis, double secondsSinceStart, int cup, double commandedKpa, double measuredKpa,
            long dropped) {
        if (wallMillis != lastSampleMillis) {
            lastSampleMillis = wallMillis;
            lastSampleTime = Instant.ofEpochMilli(wallMillis).toString();
        }
        try (JsonWriter json = begin("sample", lastSampleTime)) {
            json.name("t").value(roundToMillis(secondsSinceStart));
            json.name("cup").value(cup);
            writePressure(json.name("cmd"), commandedKpa);
            writePressure(json.name("meas"), measuredKpa);
            if (dropped > 0) {
                json.name("dropped").value(dropped);
            }
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON into memory cannot fail", e);
        }
        return buffer.toString();
    }

    static double roundToMillis(double seconds) {
        return Math.round(seconds * 1000.0) / 1000.0;
    }

    static double roundToHundredths(double kpa) {
        return Math.round(kpa * 100.0) / 100.0;
    }

    private JsonWriter begin(String type, String time) throws IOException {
        buffer.getBuffer().setLength(0);
        JsonWriter json = gson.newJsonWriter(buffer);
        json.beginObject();
        json.name("type").value(type);
        json.name("time").value(time);
        return json;
    }

    private static void writePressure(JsonWriter json, double kpa) throws IOException {
        if (Double.isFinite(kpa)) {
            json.value(roundToHundredths(kpa));
        } else {
            json.nullValue();
        }
    }

    private JsonElement toTree(String key, Object value, List<String> unserializable) {
        try {
            return gson.toJsonTree(value);
        } catch (RuntimeException e) {
            unserializable.add(key);
            health.report(JournalError.Kind.SERIALIZE, null, "field \"" + key + "\": " + e.getMessage());
            return gson.toJsonTree(describe(value));
        }
    }

    private static String describe(Object value) {
        try {
            return String.valueOf(value);
        } catch (RuntimeException e) {
            return "<" + value.getClass().getName() + " whose toString() failed>";
        }
    }
}
