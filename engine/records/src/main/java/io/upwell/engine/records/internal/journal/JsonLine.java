package io.upwell.engine.records.internal.journal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;

/** One journal line as a JSON object, read strictly: a line cut short by a crash is no record. */
public final class JsonLine {
    private JsonLine() {
    }

    /** The line's object when it is exactly one JSON object with a string {@code type}; otherwise null. */
    public static JsonObject parse(String line) {
        String text = line.strip();
        if (!text.startsWith("{")) {
            return null;
        }
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT || !element.isJsonObject()) {
                return null;
            }
            JsonObject record = element.getAsJsonObject();
            JsonElement type = record.get("type");
            return type != null && type.isJsonPrimitive() && type.getAsJsonPrimitive().isString() ? record : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
