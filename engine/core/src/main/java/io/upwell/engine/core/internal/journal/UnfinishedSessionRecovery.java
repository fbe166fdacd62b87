package io.upwell.engine.core.internal.journal;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds session files whose last record does not settle the session and settles them with a
 * {@code recovered} record.
 * <p>
 * Only the tail of each file is read: the last record that parses decides. A crash can leave a
 * half-written last line (or a run of zero bytes); such lines are skipped, counted, and the count
 * goes into the {@code recovered} record. The record starts on a fresh line, so the broken line
 * stays what it was and every line after it parses.
 */
final class UnfinishedSessionRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesJournal.class);

    static final String RECOVERED = "recovered";
    static final String REASON = "the engine restarted without the session ending";

    private static final Set<String> SETTLING_TYPES = Set.of(JsonLinesJournal.SESSION_END, RECOVERED);
    private static final int FIRST_TAIL_BYTES = 1 << 16;
    /** A tail this long without a single readable record is not worth reading further. */
    private static final int MAX_TAIL_BYTES = 1 << 26;

    private final Path sessionsDirectory;
    private final Gson gson;
    private final JournalLines lines;
    private final JournalHealth health;

    UnfinishedSessionRecovery(Path sessionsDirectory, Gson gson, JournalHealth health) {
        this.sessionsDirectory = sessionsDirectory;
        this.gson = gson;
        this.lines = new JournalLines(gson, health);
        this.health = health;
    }

    /**
     * @param running sessions this journal has open; their files are not left over from a crash
     * @return ids of the sessions found unfinished, in file-name order; each is returned even when
     *         appending its record failed (the failure is reported to the journal's health)
     */
    List<String> recover(Set<String> running) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(sessionsDirectory,
                "*" + JsonLinesJournal.FILE_SUFFIX)) {
            for (Path file : listing) {
                if (Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            health.report(JournalError.Kind.RECOVER, sessionsDirectory, e);
        }
        files.sort(null);
        List<String> unfinished = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String sessionId = name.substring(0, name.length() - JsonLinesJournal.FILE_SUFFIX.length());
            if (running.contains(sessionId)) {
                continue;
            }
            try {
                Tail tail = readTail(file);
                if (tail.lastType() != null && SETTLING_TYPES.contains(tail.lastType())) {
                    continue;
                }
                unfinished.add(sessionId);
                appendRecovered(file, sessionId, tail);
                LOG.warn("Session {} did not end before the engine stopped; marked recovered in {}{}", sessionId,
                        file, tail.unreadableLines() == 0 ? "" : " (" + tail.unreadableLines() + " unreadable line(s) skipped)");
            } catch (IOException | RuntimeException e) {
                health.report(JournalError.Kind.RECOVER, file, e);
            }
        }
        return unfinished;
    }

    /**
     * The last readable record's type and time, how many unreadable lines follow it, and whether
     * the file ends in the middle of a line.
     */
    record Tail(String lastType, String lastTime, int unreadableLines, boolean endsMidLine) {
    }

    Tail readTail(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            boolean endsMidLine = size > 0 && !read(channel, size - 1, 1).equals("\n");
            long window = Math.min(size, FIRST_TAIL_BYTES);
            while (true) {
                long start = size - window;
                String text = read(channel, start, (int) window);
                String[] pieces = text.split("\n", -1);
                // Unless the window starts the file, its first piece is the end of a longer line.
                int first = start == 0 ? 0 : 1;
                int unreadable = 0;
                for (int i = pieces.length - 1; i >= first; i--) {
                    String piece = pieces[i].strip();
                    if (piece.isEmpty()) {
                        continue;
                    }
                    JsonObject record = parseRecord(piece);
                    if (record == null) {
                        unreadable++;
                        continue;
                    }
                    return new Tail(record.get("type").getAsString(), stringOrNull(record.get("time")), unreadable,
                            endsMidLine);
                }
                if (start == 0 || window >= MAX_TAIL_BYTES) {
                    return new Tail(null, null, unreadable, endsMidLine);
                }
                window = Math.min(size, Math.min(window * 2, MAX_TAIL_BYTES));
            }
        }
    }

    /** A line that is exactly one strict JSON object with a string {@code type}; otherwise null. */
    private JsonObject parseRecord(String line) {
        try {
            JsonReader reader = JournalGson.strictReader(new StringReader(line));
            JsonElement element = gson.getAdapter(JsonElement.class).read(reader);
            if (!JournalGson.atEnd(reader) || !element.isJsonObject()) {
                return null;
            }
            JsonElement type = element.getAsJsonObject().get("type");
            if (type == null || !type.isJsonPrimitive() || !type.getAsJsonPrimitive().isString()) {
                return null;
            }
            return element.getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String stringOrNull(JsonElement element) {
        return element instanceof JsonPrimitive primitive && primitive.isString() ? primitive.getAsString() : null;
    }

    private void appendRecovered(Path file, String sessionId, Tail tail) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reason", REASON);
        fields.put("lastRecord", tail.lastType());
        fields.put("lastRecordTime", tail.lastTime());
        fields.put("unreadableLines", tail.unreadableLines());
        String record = lines.record(RECOVERED, Instant.now(), sessionId, Double.NaN, 0, fields);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            String text = (tail.endsMidLine() ? "\n" : "") + record + "\n";
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        }
    }

    private static String read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }
}
