package io.upwell.engine.rest.internal.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The one Gson the API writes and reads with. Besides the explicit wire types of this package it
 * takes the API's own records as they are: instants as ISO-8601 text, durations as seconds, an
 * {@code Optional} as its value or null, and a number that is not finite (NaN, "not measured") as
 * null, never as the invalid JSON {@code NaN}. Nulls are written, so that every field of a shape is
 * always there.
 */
public final class WireGson {

    private WireGson() {
    }

    static Gson create() {
        return new GsonBuilder()
                .serializeNulls()
                .disableHtmlEscaping()
                .registerTypeAdapter(Double.class, FINITE_OR_NULL)
                .registerTypeAdapter(double.class, FINITE_OR_NULL)
                .registerTypeAdapter(Instant.class, INSTANT.nullSafe())
                .registerTypeAdapter(Duration.class, SECONDS.nullSafe())
                .registerTypeAdapter(OptionalInt.class, OPTIONAL_INT)
                .registerTypeAdapter(OptionalDouble.class, OPTIONAL_DOUBLE)
                .registerTypeAdapterFactory(OPTIONALS)
                .create();
    }

    /** A double, or null where it is not a finite number. */
    public static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static final TypeAdapter<Double> FINITE_OR_NULL = new TypeAdapter<>() {
        @Override
        public void write(JsonWriter out, Double value) throws IOException {
            if (value == null || !Double.isFinite(value)) {
                out.nullValue();
            } else {
                out.value(value);
            }
        }

        @Override
        public Double read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return Double.NaN;
            }
            return in.nextDouble();
        }
    };

    private static final TypeAdapter<Instant> INSTANT = new TypeAdapter<>() {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            return Instant.parse(in.nextString());
        }
    };

    private static final TypeAdapter<Duration> SECONDS = new TypeAdapter<>() {
        @Override
        public void write(JsonWriter out, Duration value) throws IOException {
            out.value(Units.seconds(value));
        }

        @Override
        public Duration read(JsonReader in) throws IOException {
            return Duration.ofNanos(Math.round(in.nextDouble() * 1e9));
        }
    };

    private static final TypeAdapter<OptionalInt> OPTIONAL_INT = new TypeAdapter<>() {
        @Override
        public void write(JsonWriter out, OptionalInt value) throws IOException {
            if (value == null || value.isEmpty()) {
                out.nullValue();
            } else {
                out.value(value.getAsInt());
            }
        }

        @Override
        public OptionalInt read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return OptionalInt.empty();
            }
            return OptionalInt.of(in.nextInt());
        }
    };

    private static final TypeAdapter<OptionalDouble> OPTIONAL_DOUBLE = new TypeAdapter<>() {
        @Override
        public void write(JsonWriter out, OptionalDouble value) throws IOException {
            if (value == null || value.isEmpty() || !Double.isFinite(value.getAsDouble())) {
                out.nullValue();
            } else {
                out.value(value.getAsDouble());
            }
        }

        @Override
        public OptionalDouble read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(in.nextDouble());
        }
    };

    private static final TypeAdapterFactory OPTIONALS = new TypeAdapterFactory() {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            if (type.getRawType() != Optional.class) {
                return null;
            }
            Type inner = type.getType() instanceof ParameterizedType parameterized
                    ? parameterized.getActualTypeArguments()[0] : Object.class;
            TypeAdapter<Object> value = (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(inner));
            return (TypeAdapter<T>) new TypeAdapter<Optional<?>>() {
                @Override
                public void write(JsonWriter out, Optional<?> optional) throws IOException {
                    if (optional == null || optional.isEmpty()) {
                        out.nullValue();
                    } else {
                        value.write(out, optional.get());
                    }
                }

                @Override
                public Optional<?> read(JsonReader in) throws IOException {
                    if (in.peek() == JsonToken.NULL) {
                        in.nextNull();
                        return Optional.empty();
                    }
                    return Optional.ofNullable(value.read(in));
                }
            };
        }
    };

    /** Declared after the adapters it is built from, which static initialisation must have set first. */
    public static final Gson GSON = create();
}
