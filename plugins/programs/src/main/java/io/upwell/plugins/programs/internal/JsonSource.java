package io.upwell.plugins.programs.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a program file into a Gson tree, bounded before anything is parsed, and records the line
 * and JSON path where each value starts so that every problem can name them.
 * <p>
 * Refused, each with a problem: a missing or unreadable file, a directory, more than
 * {@value #MAX_BYTES} bytes, text that is not UTF-8, JSON that is malformed or not strict (comments,
 * single quotes), values nested deeper than {@value #MAX_DEPTH}, a field given twice in one object
 * (Gson would silently keep the last), and anything after the document.
 */
final class JsonSource {

    /** The largest program file read: 1 MB, far more than any program needs. */
    static final int MAX_BYTES = 1_000_000;

    /** The deepest nesting of objects and arrays read; a program needs about 10. */
    static final int MAX_DEPTH = 32;

    private static final Pattern LOCATION = Pattern.compile(" at line (\\d+) column (\\d+)");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private final JsonReader reader;
    private final Problems problems;

    private JsonSource(JsonReader reader, Problems problems) {
        this.reader = reader;
        this.problems = problems;
    }

    /** Signals that reading stopped at a problem already recorded. */
    private static final class Stop extends Exception {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    /** The file's tree, or empty when it cannot be read; every reason is in {@code problems}. */
    static Optional<JsonElement> read(Path file, Problems problems) {
        Optional<String> text = text(file, problems);
        return text.isEmpty() ? Optional.empty() : parse(text.get(), problems);
    }

    /** The tree of a text already read, or empty; every reason is in {@code problems}. */
    static Optional<JsonElement> parse(String text, Problems problems) {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        JsonSource source = new JsonSource(reader, problems);
        try {
            if (reader.peek() == JsonToken.END_DOCUMENT) {
                problems.add("", "the file holds no JSON; a program file is one JSON object { ... }");
                return Optional.empty();
            }
            JsonElement root = source.value("", "$", 0);
            if (!source.ended()) {
                problems.locate("/<after>", source.line(), "$");
                problems.add("/<after>", "there is more text after the program's closing '}'; a file holds one"
                        + " JSON object");
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (Stop stop) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // Gson's MalformedJsonException, EOFException and the IllegalStateException of a wrong token
            source.malformed(e);
            return Optional.empty();
        }
    }

    /** True when nothing but white space follows the document. */
    private boolean ended() {
        try {
            return reader.peek() == JsonToken.END_DOCUMENT;
        } catch (IOException | RuntimeException e) {
            return false; // a strict reader refuses a second value outright
        }
    }

    private static Optional<String> text(Path file, Problems problems) {
        if (Files.isDirectory(file)) {
            problems.addFileProblem("is a directory; give a program file (.json)");
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // Bounded before parsing: the size on disk may change while it is read, so count what is read.
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            problems.addFileProblem("no such file");
            return Optional.empty();
        } catch (AccessDeniedException e) {
            problems.addFileProblem("cannot be read: permission denied");
            return Optional.empty();
        } catch (IOException e) {
            problems.addFileProblem("cannot be read: " + e.getMessage());
            return Optional.empty();
        }
        if (bytes.length > MAX_BYTES) {
            problems.addFileProblem("is larger than " + MAX_BYTES + " bytes (1 MB); a program file must be smaller");
            return Optional.empty();
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            problems.addFileProblem("is not UTF-8 text; save it as UTF-8");
            return Optional.empty();
        }
    }

    private JsonElement value(String pointer, String path, int depth) throws IOException, Stop {
        JsonToken token = reader.peek();
        locate(pointer, path);
        switch (token) {
            case BEGIN_OBJECT -> {
                deeper(pointer, depth);
                JsonObject object = new JsonObject();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    String childPointer = Problems.child(pointer, name);
                    String childPath = path + member(name);
                    if (object.has(name)) {
                        problems.locate(childPointer + "/<again>", line(), childPath);
                        problems.add(childPointer + "/<again>", "field '" + name + "' appears twice in one object;"
                                + " each field may appear once");
                    }
                    locate(childPointer, childPath);
                    object.add(name, value(childPointer, childPath, depth + 1));
                }
                reader.endObject();
                return object;
            }
            case BEGIN_ARRAY -> {
                deeper(pointer, depth);
                JsonArray array = new JsonArray();
                reader.beginArray();
                int index = 0;
                while (reader.hasNext()) {
                    array.add(value(Problems.child(pointer, index), path + "[" + index + "]", depth + 1));
                    index++;
                }
                reader.endArray();
                return array;
            }
            case STRING -> {
                return new JsonPrimitive(reader.nextString());
            }
            case NUMBER -> {
                return new JsonPrimitive(new BigDecimal(reader.nextString()));
            }
            case BOOLEAN -> {
                return new JsonPrimitive(reader.nextBoolean());
            }
            case NULL -> {
                reader.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new IllegalStateException("unexpected " + token + reader);
        }
    }

    /** Pointers already given a line: an object member at its name, an array element or the root where it starts. */
    private final Set<String> located = new HashSet<>();

    private void locate(String pointer, String path) {
        if (located.add(pointer)) {
            problems.locate(pointer, line(), path);
        }
    }

    private void deeper(String pointer, int depth) throws Stop {
        if (depth >= MAX_DEPTH) {
            problems.add(pointer, "nested deeper than " + MAX_DEPTH + " levels of objects and arrays; a program needs"
                    + " far fewer, so the rest of the file was not read");
            throw new Stop();
        }
    }

    /** The line the reader is on, from 1. */
    private int line() {
        Matcher m = LOCATION.matcher(reader.toString());
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    private void malformed(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher m = LOCATION.matcher(message);
        int line = m.find() ? Integer.parseInt(m.group(1)) : line();
        String what = message;
        int cut = what.indexOf(" at line ");
        if (cut > 0) {
            what = what.substring(0, cut);
        }
        int see = what.indexOf("\nSee ");
        if (see > 0) {
            what = what.substring(0, see);
        }
        what = switch (what) {
            case "Unterminated object" -> "expected ',' or '}' after a field: a comma between fields or a closing"
                    + " '}' is missing";
            case "Unterminated array" -> "expected ',' or ']' after an item: a comma between items or a closing"
                    + " ']' is missing";
            case "Expected name" -> "expected a field name in double quotes (is there a comma before a '}'?)";
            case "Expected value" -> "expected a value (is there a comma before a ']' or '}'?)";
            default -> what;
        };
        if (what.contains("setStrictness")) {
            what = "this is not standard JSON (a comment, single quotes, a name without quotes, or a value such"
                    + " as NaN)";
        }
        if (e instanceof java.io.EOFException) {
            what = "the file ends too early: an object or array is not closed";
        }
        String pointer = "/<malformed>";
        problems.locate(pointer, line, "$");
        problems.add(pointer, "not valid JSON: " + what + "; check quotes, commas and brackets near this line"
                + " (comments and single quotes are not allowed)");
    }

    /** {@code .name} for a plain name, {@code ['a b']} otherwise. */
    static String member(String name) {
        return IDENTIFIER.matcher(name).matches() ? "." + name : "['" + name.replace("'", "\\'") + "']";
    }
}
