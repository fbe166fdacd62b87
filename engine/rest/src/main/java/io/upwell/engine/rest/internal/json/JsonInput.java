package io.upwell.engine.rest.internal.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.upwell.engine.rest.internal.http.ApiException;
import io.upwell.engine.rest.internal.http.FieldError;
import io.upwell.engine.rest.internal.http.JsonPaths;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a JSON request field by field, collecting every problem with its JSON path instead of stopping
 * at the first, so that one answer names everything wrong with a request (SR-17). A JSON {@code null}
 * counts as absent. Unknown fields are refused: a misspelt field would otherwise be silently ignored.
 */
public final class JsonInput {

    /** The longest text any field takes. */
    public static final int MAX_TEXT = 1000;
    /** The longest number literal read as a whole number. */
    static final int MAX_NUMBER_LITERAL = 40;

    private final List<FieldError> errors = new ArrayList<>();
    /** Whether any error is about the form (a type, a missing field): 400; otherwise only values out of range: 422. */
    private boolean malformed;

    /** The field is missing, of the wrong type or unknown: the request is malformed (400). */
    public void error(String path, String message) {
        errors.add(new FieldError(path, message));
        malformed = true;
    }

    /** The field is well-formed but its value is outside what is allowed (422 unless something is malformed too). */
    public void outOfRange(String path, String message) {
        errors.add(new FieldError(path, message));
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public boolean failed() {
        return !errors.isEmpty();
    }

    /**
     * Refuses the request when any field was wrong, naming each: 400 when anything is malformed, 422
     * when every problem is a value out of range.
     */
    public void throwIfFailed(String what) {
        if (!errors.isEmpty()) {
            String first = errors.get(0).field().isEmpty() ? errors.get(0).message()
                    : errors.get(0).field() + ": " + errors.get(0).message();
            String detail = what + ": " + first + (errors.size() == 1 ? "" : " (and " + (errors.size() - 1) + " more)");
            throw malformed ? ApiException.badRequest(detail, errors) : ApiException.refused(detail, errors);
        }
    }

    /** The element as an object, or null (and an error) when it is something else. */
    public Obj object(JsonElement element, String path) {
        if (element == null || !element.isJsonObject()) {
            error(path, "must be a JSON object, got " + kind(element));
            return null;
        }
        return new Obj(element.getAsJsonObject(), path);
    }

    /** A JSON object's fields, read by name. */
    public final class Obj {
        private final JsonObject json;
        private final String path;

        Obj(JsonObject json, String path) {
            this.json = json;
            this.path = path;
        }

        public String path() {
            return path;
        }

        public JsonObject json() {
            return json;
        }

        public String at(String name) {
            return JsonPaths.field(path, name);
        }

        /** Refuses every field not named here. */
        public Obj only(String... names) {
            Set<String> known = new LinkedHashSet<>(Arrays.asList(names));
            for (String given : json.keySet()) {
                if (!known.contains(given)) {
                    error(at(given), "unknown field; " + (path.isEmpty() ? "the body" : path) + " takes "
                            + String.join(", ", known));
                }
            }
            return this;
        }

        /** True when the field is absent or null. */
        public boolean absent(String name) {
            JsonElement value = json.get(name);
            return value == null || value.isJsonNull();
        }

        public JsonElement raw(String name) {
            return absent(name) ? null : json.get(name);
        }

        private JsonElement required(String name, boolean required) {
            if (absent(name)) {
                if (required) {
                    error(at(name), "is required");
                }
                return null;
            }
            return json.get(name);
        }

        /** Text; {@code required} text must not be blank either. */
        public String string(String name, boolean required) {
            JsonElement value = required(name, required);
            if (value == null) {
                return null;
            }
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
                error(at(name), "must be a string, got " + kind(value));
                return null;
            }
            String text = value.getAsString();
            if (text.length() > MAX_TEXT) {
                outOfRange(at(name), "must be at most " + MAX_TEXT + " characters, got " + text.length());
                return null;
            }
            if (required && text.isBlank()) {
                outOfRange(at(name), "must not be blank");
                return null;
            }
            return text;
        }

        /** A whole number from {@code min} to {@code max}. */
        public Integer integer(String name, boolean required, int min, int max) {
            JsonElement value = required(name, required);
            return value == null ? null : JsonInput.this.integer(value, at(name), min, max);
        }

        /** A finite number. */
        public Double number(String name, boolean required) {
            JsonElement value = required(name, required);
            if (value == null) {
                return null;
            }
            if (!isNumber(value)) {
                error(at(name), "must be a number, got " + kind(value));
                return null;
            }
            double number = value.getAsDouble();
            if (!Double.isFinite(number)) {
                error(at(name), "must be a finite number");
                return null;
            }
            return number;
        }

        public Boolean bool(String name, boolean required) {
            JsonElement value = required(name, required);
            if (value == null) {
                return null;
            }
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
                error(at(name), "must be true or false, got " + kind(value));
                return null;
            }
            return value.getAsBoolean();
        }

        /** One of the enum's Java names ({@code UPPER_BACK}; case and '-' for '_' are forgiven). */
        public <E extends Enum<E>> E enumeration(String name, Class<E> type, boolean required) {
            JsonElement value = required(name, required);
            return value == null ? null : JsonInput.this.enumeration(value, at(name), type);
        }

        /** An array of at most {@code maxSize} elements. */
        public JsonArray array(String name, boolean required, int maxSize) {
            JsonElement value = required(name, required);
            if (value == null) {
                return null;
            }
            if (!value.isJsonArray()) {
                error(at(name), "must be an array, got " + kind(value));
                return null;
            }
            if (value.getAsJsonArray().size() > maxSize) {
                outOfRange(at(name), "must have at most " + maxSize + " elements, got " + value.getAsJsonArray().size());
                return null;
            }
            return value.getAsJsonArray();
        }

        /** A nested object, or null when absent (an error when required) or not an object. */
        public Obj object(String name, boolean required) {
            JsonElement value = required(name, required);
            return value == null ? null : JsonInput.this.object(value, at(name));
        }
    }

    /** A whole number from {@code min} to {@code max}, or null (and an error). */
    public Integer integer(JsonElement value, String path, int min, int max) {
        if (!isNumber(value)) {
            error(path, "must be a whole number, got " + kind(value));
            return null;
        }
        String literal = value.getAsString();
        if (literal.length() > MAX_NUMBER_LITERAL) {
            // never parsed: a long enough literal would take seconds to read as a BigDecimal
            outOfRange(path, "must be " + min + " to " + max + ", got a number written with " + literal.length()
                    + " characters");
            return null;
        }
        BigDecimal number;
        try {
            number = value.getAsBigDecimal();
        } catch (NumberFormatException e) {
            error(path, "must be a whole number");
            return null;
        }
        if (number.stripTrailingZeros().scale() > 0) {
            error(path, "must be a whole number, got " + abbreviate(number.toString()));
            return null;
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            outOfRange(path, "must be " + min + " to " + max + ", got " + abbreviate(number.toString()));
            return null;
        }
        return number.intValueExact();
    }

    public <E extends Enum<E>> E enumeration(JsonElement value, String path, Class<E> type) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            error(path, "must be one of " + allowed + "; got " + kind(value));
            return null;
        }
        String text = value.getAsString();
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        error(path, "unknown value " + abbreviate(text) + "; must be one of " + allowed);
        return null;
    }

    /** Every value of an enum, as its Java names, sorted: what an error message lists. */
    public static <E extends Enum<E>> Set<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

    static boolean isNumber(JsonElement value) {
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
    }

    /** What a JSON value is, for a message: {@code a string}, {@code an array} ... */
    public static String kind(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return "null";
        }
        if (value.isJsonObject()) {
            return "an object";
        }
        if (value.isJsonArray()) {
            return "an array";
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return "a boolean";
        }
        if (primitive.isNumber()) {
            return "a number";
        }
        return "a string";
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 60 ? "'" + oneLine + "'" : "'" + oneLine.substring(0, 57) + "...'";
    }
}
