package io.upwell.engine.core.internal.journal;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Reads journal files back the way an auditor would: strict JSON, line by line. */
final class JournalFiles {
    private static final Gson GSON = new Gson();
    static final Duration PATIENCE = Duration.ofSeconds(10);

    private JournalFiles() {
    }

    /** Every line of the file, each of which must be one strict JSON object. */
    static List<JsonObject> records(Path file) {
        List<JsonObject> records = new ArrayList<>();
        for (String line : lines(file)) {
            records.add(parseStrict(line));
        }
        return records;
    }

    /** Lines that are complete (end with a newline) right now; a file that is not there yet has none. */
    static List<String> completeLines(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = read(file);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(lines.size() - 1);
        return lines;
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonObject parseStrict(String line) {
        try {
            JsonReader reader = new JsonReader(new StringReader(line));
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = GSON.getAdapter(JsonElement.class).read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT || !element.isJsonObject()) {
                throw new AssertionError("not exactly one JSON object: " + line);
            }
            return element.getAsJsonObject();
        } catch (IOException e) {
            throw new AssertionError("journal line is not strict JSON: " + line, e);
        }
    }

    static List<JsonObject> ofType(List<JsonObject> records, String type) {
        return records.stream().filter(r -> r.get("type").getAsString().equals(type)).toList();
    }

    /** Waits, polling, until the file's complete lines satisfy the condition. */
    static List<JsonObject> awaitRecords(Path file, String what, Predicate<List<JsonObject>> condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            List<JsonObject> records = completeLines(file).stream().map(JournalFiles::parseStrict).toList();
            if (condition.test(records)) {
                return records;
            }
            if (System.nanoTime() - deadline > 0) {
                fail("within " + PATIENCE.toSeconds() + " s, " + file + " never showed " + what + "; it holds "
                        + records);
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    /** Waits, polling, until the condition holds. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("within " + PATIENCE.toSeconds() + " s, never " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}
