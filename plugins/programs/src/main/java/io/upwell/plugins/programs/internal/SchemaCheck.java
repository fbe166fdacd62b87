package io.upwell.plugins.programs.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.harrel.jsonschema.Dialects;
import dev.harrel.jsonschema.Error;
import dev.harrel.jsonschema.Validator;
import dev.harrel.jsonschema.ValidatorFactory;
import dev.harrel.jsonschema.providers.GsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks a program's tree against the published schema ({@value #RESOURCE}, draft 2020-12) with the
 * dev.harrel validator on the Gson tree itself, and turns each of its errors into a problem that
 * names the field and says what is allowed there.
 * <p>
 * The validator reports a failed {@code anyOf} together with each alternative's own failure; only
 * the {@code anyOf} is kept, with its schema's description as what is allowed. An {@code if/then}
 * failure is dropped in favour of the errors inside its {@code then}.
 */
final class SchemaCheck {

    /** The schema, at the root of this bundle and in docs/program.schema.json. */
    static final String RESOURCE = "program.schema.json";

    private static final SchemaCheck INSTANCE = new SchemaCheck();

    private final JsonObject schema;
    private final Validator validator;
    private final URI uri;

    private SchemaCheck() {
        this.schema = loadSchema();
        this.validator = new ValidatorFactory().withDefaultDialect(new Dialects.Draft2020Dialect())
                .withJsonNodeFactory(new GsonNode.Factory()).createValidator();
        this.uri = validator.registerSchema(schema);
    }

    static SchemaCheck instance() {
        return INSTANCE;
    }

    /** The schema as shipped. */
    static JsonObject loadSchema() {
        try (InputStream in = Objects.requireNonNull(SchemaCheck.class.getClassLoader().getResourceAsStream(RESOURCE),
                RESOURCE + " is missing from the bundle"); Reader reader = new InputStreamReader(in,
                        StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(reader).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Adds a problem for each way the tree breaks the schema. */
    void check(JsonElement tree, Problems problems) {
        Validator.Result result;
        synchronized (validator) {
            result = validator.validate(uri, tree);
        }
        if (result.isValid()) {
            return;
        }
        List<Error> errors = result.getErrors();
        List<String> anyOfPaths = new ArrayList<>();
        for (Error error : errors) {
            if ("anyOf".equals(error.getKeyword()) || "oneOf".equals(error.getKeyword())) {
                anyOfPaths.add(error.getEvaluationPath() + "/");
            }
        }
        for (Error error : errors) {
            String keyword = error.getKeyword();
            if ("if".equals(keyword) || "then".equals(keyword) || "allOf".equals(keyword)) {
                continue;
            }
            if (anyOfPaths.stream().anyMatch(p -> error.getEvaluationPath().startsWith(p))) {
                continue; // an alternative of an anyOf that failed as a whole: the anyOf says what is allowed
            }
            String pointer = pointer(error.getInstanceLocation());
            Error reported = error;
            if ("anyOf".equals(keyword)) {
                reported = numberAlternative(error, errors, at(tree, pointer)).orElse(error);
            }
            problems.add(pointer, message(reported, tree, pointer));
        }
    }

    /**
     * For a number given where a number or a reference is allowed, the number alternative's own
     * error says more ("90 is above 80") than the anyOf as a whole.
     */
    private static java.util.Optional<Error> numberAlternative(Error anyOf, List<Error> errors, JsonElement value) {
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            return java.util.Optional.empty();
        }
        String prefix = anyOf.getEvaluationPath() + "/";
        return errors.stream().filter(e -> e.getEvaluationPath().startsWith(prefix)
                && Objects.equals(e.getInstanceLocation(), anyOf.getInstanceLocation())
                && NUMBER_KEYWORDS.contains(e.getKeyword())).findFirst();
    }

    private static final java.util.Set<String> NUMBER_KEYWORDS = java.util.Set.of("minimum", "maximum",
            "exclusiveMinimum", "exclusiveMaximum", "type");

    private String message(Error error, JsonElement tree, String pointer) {
        JsonElement here = SchemaCheck.at(tree, pointer);
        JsonObject rule = schemaAt(error.getSchemaLocation());
        String described = rule != null && rule.has("description") && !pointer.isEmpty()
                ? rule.get("description").getAsString() : null;
        String field = fieldName(pointer);
        String keyword = error.getKeyword() == null ? "false" : error.getKeyword();
        if (pointer.isEmpty() && "type".equals(keyword)) {
            return "the file holds " + kind(here) + "; a program file is one JSON object { ... }";
        }
        switch (keyword) {
            case "false" -> {
                JsonObject parent = schemaAt(parentOf(error.getSchemaLocation()));
                String allowed = parent != null && parent.has("properties")
                        ? String.join(", ", parent.getAsJsonObject("properties").keySet()) : "";
                return "unknown field '" + field + "' (a typo?); allowed here: " + allowed;
            }
            case "required" -> {
                List<String> absent = new ArrayList<>();
                if (rule != null && rule.has("required") && here != null && here.isJsonObject()) {
                    rule.getAsJsonArray("required").forEach(r -> {
                        if (!here.getAsJsonObject().has(r.getAsString())) {
                            absent.add(r.getAsString());
                        }
                    });
                }
                String missing = String.join(", ", absent);
                return "missing " + (missing.contains(",") ? "fields " : "field ") + missing
                        + (described != null ? "; " + described : "");
            }
            case "anyOf", "oneOf" -> {
                if ("oneOf".equals(error.getKeyword()) && rule != null && rule.has("properties")) {
                    return "give exactly one of after, with or atSeconds; " + described;
                }
                return "'" + shown(here) + "' is not allowed here; allowed: " + described;
            }
            case "additionalProperties", "unevaluatedProperties" -> {
                return "has fields that are not allowed";
            }
            case "type" -> {
                String wanted = rule != null && rule.has("type") ? rule.get("type").toString().replaceAll("[\\[\\]\"]", "")
                        .replace(",", " or ") : "another kind of value";
                if ("integer".equals(wanted) && here != null && here.isJsonPrimitive()
                        && here.getAsJsonPrimitive().isNumber()) {
                    return shown(here) + " is not a whole number; allowed: a whole number" + (described != null
                            ? " (" + described + ")" : "");
                }
                return "'" + shown(here) + "' is " + kind(here) + "; allowed: " + (described != null ? described
                        : wanted);
            }
            case "enum" -> {
                JsonObject parent = rule;
                String options = parent != null && parent.has("enum") ? parent.get("enum").toString()
                        .replaceAll("[\\[\\]\"]", "").replace(",", ", ") : "";
                return "'" + shown(here) + "' is not allowed; allowed: one of " + options;
            }
            case "const" -> {
                return "'" + shown(here) + "' is not allowed; allowed: " + (rule != null && rule.has("const")
                        ? rule.get("const").toString() : "") + (described != null ? " (" + described + ")" : "");
            }
            case "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum" -> {
                if (described == null) {
                    JsonObject owner = schemaAt(parentOf(parentOf(error.getSchemaLocation())));
                    described = owner != null && owner.has("description") ? owner.get("description").getAsString()
                            : null; // the description of the anyOf this number alternative belongs to
                }
                String limit = rule != null && rule.has(error.getKeyword()) ? rule.get(error.getKeyword()).getAsString()
                        : "";
                String what = switch (error.getKeyword()) {
                    case "maximum" -> "at most " + limit;
                    case "exclusiveMaximum" -> "less than " + limit;
                    case "minimum" -> "at least " + limit;
                    default -> "more than " + limit;
                };
                String hard = "maximum".equals(error.getKeyword()) && error.getSchemaLocation().contains("/$defs/kpa/")
                        ? " (80 kPa is the hard limit, SR-01)" : "";
                return Texts.number(here.getAsDouble()) + " is out of range; allowed: " + what + hard
                        + (described != null ? " (" + described + ")" : "");
            }
            case "pattern" -> {
                return "'" + shown(here) + "' is not allowed; allowed: " + (described != null ? described
                        : "text matching " + rule.get("pattern").getAsString());
            }
            case "minItems", "maxItems" -> {
                return "has " + (here.isJsonArray() ? here.getAsJsonArray().size() : 0) + " items; allowed: "
                        + ("minItems".equals(error.getKeyword()) ? "at least " : "at most ")
                        + rule.get(error.getKeyword()).getAsString() + (described != null ? " (" + described + ")" : "");
            }
            case "minLength", "maxLength" -> {
                return ("minLength".equals(error.getKeyword()) ? "is empty or too short" : "is too long")
                        + "; allowed: " + ("minLength".equals(error.getKeyword()) ? "at least " : "at most ")
                        + rule.get(error.getKeyword()).getAsString() + " characters";
            }
            case "uniqueItems" -> {
                return "lists the same item twice; each may appear once";
            }
            default -> {
                return error.getError() + (described != null ? "; allowed: " + described : "");
            }
        }
    }

    /** The schema object at a location such as {@code https://...#/$defs/ramp/properties/toKpa}. */
    private JsonObject schemaAt(String location) {
        if (location == null) {
            return null;
        }
        int hash = location.indexOf('#');
        String fragment = hash < 0 ? "" : location.substring(hash + 1);
        JsonElement node = at(schema, fragment);
        return node != null && node.isJsonObject() ? node.getAsJsonObject() : null;
    }

    private static String parentOf(String location) {
        int slash = location.lastIndexOf('/');
        return slash < 0 ? location : location.substring(0, slash);
    }

    /** The value at a JSON pointer, or null. */
    static JsonElement at(JsonElement root, String pointer) {
        JsonElement node = root;
        if (pointer.isEmpty()) {
            return node;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (node != null && node.isJsonObject()) {
                node = node.getAsJsonObject().get(token);
            } else if (node != null && node.isJsonArray() && token.matches("\\d+")
                    && Integer.parseInt(token) < node.getAsJsonArray().size()) {
                node = node.getAsJsonArray().get(Integer.parseInt(token));
            } else {
                return null;
            }
        }
        return node;
    }

    private static String pointer(String instanceLocation) {
        String p = instanceLocation == null ? "" : instanceLocation;
        return p.startsWith("#") ? p.substring(1) : p;
    }

    private static String fieldName(String pointer) {
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        return last.replace("~1", "/").replace("~0", "~");
    }

    private static String shown(JsonElement value) {
        if (value == null) {
            return "";
        }
        String text = value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString()
                : value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber() ? Texts.number(value.getAsDouble())
                : value.isJsonObject() ? "{...}" : value.isJsonArray() ? "[...]" : value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String kind(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return "null";
        }
        if (value.isJsonObject()) {
            return "an object";
        }
        if (value.isJsonArray()) {
            return "a list";
        }
        if (value.getAsJsonPrimitive().isBoolean()) {
            return "true/false";
        }
        return value.getAsJsonPrimitive().isNumber() ? "a number" : "text";
    }
}
