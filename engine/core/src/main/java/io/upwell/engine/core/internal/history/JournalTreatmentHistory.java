package io.upwell.engine.core.internal.history;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.history.HistoryUnavailableException;
import io.upwell.api.history.PastTreatment;
import io.upwell.api.history.TreatmentHistory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This station's treatment history, read from its own session journals: the engine's answer when
 * no shared history is registered. A session counts from its {@code session-start} record (client,
 * cups, sites) to its {@code session-end} (its program time is the exposure) or, for one a crash cut
 * short, to its last record. Cups on simulated devices are not treatments. A file that cannot be
 * read is skipped with a warning rather than blocking every start; a directory that cannot be
 * listed makes the history unavailable.
 */
public final class JournalTreatmentHistory implements TreatmentHistory {

    private static final Logger LOG = LoggerFactory.getLogger(JournalTreatmentHistory.class);
    private static final String SUFFIX = ".jsonl";
    /** The end of a session's journal is in its last lines; reading this much of it finds them. */
    private static final int TAIL_BYTES = 1 << 16;

    private final Path sessionsDirectory;

    public JournalTreatmentHistory(Path sessionsDirectory) {
        this.sessionsDirectory = sessionsDirectory;
    }

    @Override
    public List<PastTreatment> treatments(String clientId, Instant since) throws HistoryUnavailableException {
        List<PastTreatment> found = new ArrayList<>();
        if (!Files.isDirectory(sessionsDirectory)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(sessionsDirectory, "*" + SUFFIX)) {
            for (Path file : files) {
                try {
                    // A journal last written before the window cannot hold a session that ended in it.
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(since)) {
                        continue;
                    }
                    found.addAll(read(file, clientId, since));
                } catch (NoSuchFileException gone) {
                    // removed while listing: not history any more
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Treatment history: session journal {} is skipped, it cannot be read: {}", file,
                            e.toString());
                }
            }
        } catch (IOException e) {
            throw new HistoryUnavailableException("the session journals in " + sessionsDirectory
                    + " cannot be listed: " + e.getMessage(), e);
        }
        return found;
    }

    private static List<PastTreatment> read(Path file, String clientId, Instant since) throws IOException {
        JsonObject start;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (first == null) {
                return List.of();
            }
            start = JsonParser.parseString(first).getAsJsonObject();
        }
        if (!"session-start".equals(text(start, "type")) || !clientId.equals(text(start, "client"))
                || !start.has("cups") || !start.get("cups").isJsonArray()) {
            return List.of();
        }
        Instant started = Instant.parse(text(start, "time"));
        String sessionId = text(start, "session");
        End end = end(file, started);
        if (end.at().isBefore(since)) {
            return List.of();
        }
        List<PastTreatment> treatments = new ArrayList<>();
        for (JsonElement element : start.getAsJsonArray("cups")) {
            JsonObject cup = element.getAsJsonObject();
            if (cup.has("simulated") && cup.get("simulated").getAsBoolean()) {
                continue;
            }
            treatments.add(new PastTreatment(sessionId, text(cup, "device"), site(cup), started, end.at(),
                    end.exposure()));
        }
        return treatments;
    }

    private record End(Instant at, Duration exposure) {
    }

    /** The session's end: its {@code session-end}, else (a crash) its last readable record. */
    private static End end(Path file, Instant started) throws IOException {
        List<String> lines = tail(file);
        Instant last = started;
        for (int i = lines.size() - 1; i >= 0; i--) {
            JsonObject record;
            try {
                record = JsonParser.parseString(lines.get(i)).getAsJsonObject();
            } catch (RuntimeException unreadable) {
                continue;
            }
            String type = text(record, "type");
            Instant time = record.has("time") ? Instant.parse(text(record, "time")) : null;
            if ("session-end".equals(type) && time != null) {
                Duration program = record.has("programSeconds")
                        ? Duration.ofMillis(Math.round(record.get("programSeconds").getAsDouble() * 1000))
                        : Duration.between(started, time);
                return new End(time, program.isNegative() ? Duration.ZERO : program);
            }
            if ("recovered".equals(type) && record.has("lastRecordTime")
                    && !record.get("lastRecordTime").isJsonNull()) {
                Instant cut = Instant.parse(text(record, "lastRecordTime"));
                return new End(cut, positive(Duration.between(started, cut)));
            }
            if (time != null) {
                last = time.isAfter(last) ? time : last;
                break;
            }
        }
        return new End(last, positive(Duration.between(started, last)));
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private static List<String> tail(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int size = (int) Math.min(length, TAIL_BYTES);
            byte[] bytes = new byte[size];
            raf.seek(length - size);
            raf.readFully(bytes);
            List<String> lines = new ArrayList<>(new String(bytes, StandardCharsets.UTF_8).lines().toList());
            if (size < length && !lines.isEmpty()) {
                lines.remove(0); // the first piece may start mid-line
            }
            return lines;
        }
    }

    /** The cup's site from its {@code region} and {@code side} fields, or from the {@code site} text of older journals. */
    static BodySite site(JsonObject cup) {
        if (cup.has("region")) {
            return new BodySite(BodyRegion.parse(text(cup, "region")),
                    Side.valueOf(text(cup, "side").toUpperCase(Locale.ROOT)), "");
        }
        String text = text(cup, "site");
        int label = text.indexOf(" (");
        String base = label < 0 ? text : text.substring(0, label);
        int slash = base.indexOf('/');
        BodyRegion region = BodyRegion.parse(slash < 0 ? base : base.substring(0, slash));
        Side side = slash < 0 ? Side.CENTRE : Side.valueOf(base.substring(slash + 1).toUpperCase(Locale.ROOT));
        return new BodySite(region, side, "");
    }

    private static String text(JsonObject object, String key) {
        JsonElement value = object.get(key);
        if (value == null || value.isJsonNull()) {
            throw new IllegalStateException("no '" + key + "' in " + object);
        }
        return value.getAsString();
    }
}
