package io.upwell.engine.records.internal.delivery;

import io.upwell.api.records.SessionRecord;
import io.upwell.engine.records.internal.db.RecordStore;
import io.upwell.engine.records.internal.journal.JournalFiles;
import io.upwell.engine.records.internal.journal.SessionJournalReader;
import io.upwell.engine.records.internal.journal.UnreadableJournalException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one data directory's settled session journals into the database, exactly once each.
 * <p>
 * The journal is the queue: a session is delivered when its file is settled and the database does
 * not have it yet, in one transaction that writes all of it or nothing ({@link RecordStore#insert}).
 * Nothing is marked in the journal, so a crash at any point (before the commit, after it, between
 * two sessions) leaves a state the next pass settles by asking the database again. A running
 * session's file is not settled and is left alone.
 * <p>
 * Not thread-safe: one records thread drives it.
 */
public final class Delivery {
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    /** What a pass did. */
    public record Pass(List<String> delivered, List<String> alreadyPresent, List<String> waiting,
            Map<String, String> unreadable) {
    }

    private final JournalFiles files;
    private final String station;
    private final SessionJournalReader reader = new SessionJournalReader();
    /** Sessions known to be in the database (delivered or found there): not asked about again. */
    private final Set<String> inDatabase = new HashSet<>();
    /** Settled journals that cannot be read, and the file's state then: tried again only once it changes. */
    private final Map<String, Unreadable> unreadable = new HashMap<>();
    /** Settled sessions the last pass could not deliver because the database failed. */
    private final Set<String> waiting = new HashSet<>();

    private record Unreadable(long size, FileTime modified, String message) {
    }

    public Delivery(Path dataDirectory, String station) {
        this.files = new JournalFiles(dataDirectory);
        this.station = station;
    }

    public Path dataDirectory() {
        return files.sessionsDirectory().getParent();
    }

    /**
     * One pass over the directory: every settled session the database lacks is delivered, oldest first.
     *
     * @throws SQLException when the database fails; what was delivered before stays delivered, and the
     *         rest waits in the journal for the next pass
     * @throws IOException when the sessions directory cannot be listed
     */
    public Pass deliver(RecordStore store) throws SQLException, IOException {
        List<String> candidates = new ArrayList<>();
        for (String id : files.sessionIds()) {
            if (!inDatabase.contains(id)) {
                candidates.add(id);
            }
        }
        List<String> delivered = new ArrayList<>();
        List<String> alreadyPresent = new ArrayList<>();
        List<String> unsettled = new ArrayList<>();
        if (candidates.isEmpty()) {
            waiting.clear();
            return new Pass(delivered, alreadyPresent, unsettled, Map.copyOf(problems()));
        }
        Set<String> present = store.present(candidates);
        inDatabase.addAll(present);
        List<String> settled = new ArrayList<>();
        for (String id : candidates) {
            if (present.contains(id)) {
                continue;
            }
            if (files.settled(id)) {
                settled.add(id);
            } else {
                unsettled.add(id);
            }
        }
        waiting.clear();
        waiting.addAll(settled);
        for (String id : settled) {
            SessionRecord record = readOrRemember(id);
            if (record == null) {
                waiting.remove(id);
                continue;
            }
            RecordStore.Insert result = store.insert(record);
            inDatabase.add(id);
            waiting.remove(id);
            if (result == RecordStore.Insert.WRITTEN) {
                delivered.add(id);
                LOG.info("session {} recorded in the records database ({}, {} sample(s))", id,
                        record.summary().outcome(), record.trace().size());
            } else {
                alreadyPresent.add(id);
            }
        }
        return new Pass(delivered, alreadyPresent, unsettled, Map.copyOf(problems()));
    }

    /** Settled sessions not yet in the database as far as the last pass got, in start order. */
    public List<String> waiting() {
        return waiting.stream().sorted().toList();
    }

    /** Whether the database is known to have this session. */
    public boolean delivered(String sessionId) {
        return inDatabase.contains(sessionId);
    }

    /** Forgets what the database was known to hold: after it was replaced by another, ask it again. */
    public void forgetDatabase() {
        inDatabase.clear();
        waiting.clear();
    }

    private Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        unreadable.forEach((id, why) -> problems.put(id, why.message()));
        return problems;
    }

    private SessionRecord readOrRemember(String id) throws IOException {
        Path file = files.file(id);
        long size = Files.size(file);
        FileTime modified = Files.getLastModifiedTime(file);
        Unreadable before = unreadable.get(id);
        if (before != null && before.size() == size && Objects.equals(before.modified(), modified)) {
            return null;
        }
        try {
            SessionRecord record = reader.read(file, station);
            unreadable.remove(id);
            return record;
        } catch (UnreadableJournalException e) {
            LOG.error("session {} cannot be recorded in the database: {}; its journal stays where it is", id,
                    e.getMessage());
            unreadable.put(id, new Unreadable(size, modified, e.getMessage()));
            return null;
        }
    }
}
