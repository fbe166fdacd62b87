package io.upwell.engine.records.internal.history;

import io.upwell.api.history.HistoryUnavailableException;
import io.upwell.api.records.CupRecord;
import io.upwell.api.records.SessionJournalFormat;
import io.upwell.api.records.SessionRecord;
import io.upwell.engine.records.internal.journal.JournalFiles;
import io.upwell.engine.records.internal.journal.JsonLine;
import io.upwell.engine.records.internal.journal.SessionJournalReader;
import io.upwell.engine.records.internal.journal.UnreadableJournalException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This station's ended sessions of one client that the database does not have (yet): settled
 * journals read with {@link SessionJournalReader}. A running session's journal is not settled and is
 * left to the engine, which counts its own sessions from the moment they start. Only journals
 * written to within the window are opened, and only their first line unless the client matches.
 */
final class WaitingJournals {
    private static final Logger LOG = LoggerFactory.getLogger(WaitingJournals.class);

    /** A real cup of a waiting session. */
    record Cup(String sessionId, String deviceId, String site, Instant startedAt, Instant endedAt,
            double programSeconds) {
    }

    private final JournalFiles files;
    private final SessionJournalReader reader = new SessionJournalReader();

    WaitingJournals(Path dataDirectory) {
        this.files = new JournalFiles(dataDirectory);
    }

    /**
     * @param known sessions the database already gave: not read again
     * @throws HistoryUnavailableException when the sessions directory cannot be listed
     */
    List<Cup> treatedCups(String clientId, Instant since, Set<String> known) throws HistoryUnavailableException {
        List<Cup> cups = new ArrayList<>();
        List<String> ids;
        try {
            ids = files.sessionIds();
        } catch (IOException e) {
            throw new HistoryUnavailableException("this station's session journals in " + files.sessionsDirectory()
                    + " cannot be listed: " + e.getMessage(), e);
        }
        for (String id : ids) {
            if (known.contains(id)) {
                continue;
            }
            Path file = files.file(id);
            try {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(since) || !clientId.equals(clientOf(file))
                        || !files.settled(id)) {
                    continue;
                }
                SessionRecord record = reader.read(file, "");
                Instant ended = record.summary().endedInstant();
                if (ended.isBefore(since)) {
                    continue;
                }
                for (CupRecord cup : record.cups()) {
                    if (!Boolean.TRUE.equals(cup.simulated())) {
                        cups.add(new Cup(id, cup.deviceId(), cup.site(), record.summary().startedInstant(), ended,
                                record.summary().programSeconds()));
                    }
                }
            } catch (NoSuchFileException gone) {
                // removed while looking: no longer this station's to tell
            } catch (IOException | UnreadableJournalException | RuntimeException e) {
                // As the engine's own journal history does: one unreadable file does not block every start.
                LOG.warn("treatment history: session journal {} is skipped, it cannot be read: {}", file,
                        e.getMessage());
            }
        }
        return cups;
    }

    /** The client of the journal's first record, if it is a session start; null otherwise. */
    private static String clientOf(Path file) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = lines.readLine();
            JsonObject start = first == null ? null : JsonLine.parse(first);
            if (start == null || !SessionJournalFormat.SESSION_START.equals(start.get("type").getAsString())) {
                return null;
            }
            JsonElement client = start.get("client");
            return client == null || client.isJsonNull() ? null : client.getAsString();
        }
    }
}
