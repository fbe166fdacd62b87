package io.upwell.engine.core.internal.journal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;

/**
 * The one Gson configuration of the journal.
 * <p>
 * Non-finite numbers (a sensor that reports nothing gives NaN) are written as {@code null}: the
 * files stay strict JSON that any reader parses, and "no value" is what NaN means here. Gson's
 * {@code serializeSpecialFloatingPointValues} is deliberately not used, because its bare
 * {@code NaN} token is not JSON. Null field values are written, so a field that was handed in is
 * visible even when empty. Time types, durations and paths are written as their ISO/{@code
 * toString} text instead of Gson's reflection, which the JDK's modules refuse.
 */
final class JournalGson {

    private JournalGson() {
    }

    static Gson create() {
        TypeAdapter<Number> finiteOrNull = new FiniteOrNullAdapter();
        return new GsonBuilder()
                .disableHtmlEscaping()
                .serializeNulls()
                .registerTypeAdapter(Double.class, finiteOrNull)
                .registerTypeAdapter(double.class, finiteOrNull)
                .registerTypeAdapter(Float.class, finiteOrNull)
                .registerTypeAdapter(float.class, finiteOrNull)
                .registerTypeHierarchyAdapter(TemporalAccessor.class, new ToStringAdapter<TemporalAccessor>())
                .registerTypeAdapter(Duration.class, new ToStringAdapter<Duration>())
                .registerTypeHierarchyAdapter(Path.class, new ToStringAdapter<Path>())
                .create();
    }

    /** A reader for one journal line that accepts strict JSON only. */
    static JsonReader strictReader(java.io.Reader in) {
        JsonReader reader = new JsonReader(in);
        reader.setStrictness(Strictness.STRICT);
        return reader;
    }

    /** True when the reader has nothing left but the end of the document. */
    static boolean atEnd(JsonReader reader) throws IOException {
        return reader.peek() == JsonToken.END_DOCUMENT;
    }

    private static final class FiniteOrNullAdapter extends TypeAdapter<Number> {
        @Override
        public void write(JsonWriter out, Number value) throws IOException {
            if (value == null || Double.isNaN(value.doubleValue()) || Double.isInfinite(value.doubleValue())) {
                out.nullValue();
            } else {
                out.value(value);
            }
        }

        @Override
        public Number read(JsonReader in) {
            throw new UnsupportedOperationException("the journal only writes numbers through this adapter");
        }
    }

    private static final class ToStringAdapter<T> extends TypeAdapter<T> {
        @Override
        public void write(JsonWriter out, T value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(value.toString());
            }
        }

        @Override
        public T read(JsonReader in) {
            throw new UnsupportedOperationException("the journal only writes values through this adapter");
        }
    }
}
