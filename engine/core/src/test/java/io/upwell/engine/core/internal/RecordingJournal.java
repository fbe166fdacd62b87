package io.upwell.engine.core.internal;

import io.upwell.engine.core.internal.journal.SessionJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A journal that keeps its records in memory, with a health the test sets: for the engine's parts alone. */
final class RecordingJournal implements SessionJournal {
    /** One record: the session it was handed in for (null for the engine), its type and fields. */
    record Entry(String session, String type, Map<String, Object> fields) {
    }

    final List<Entry> entries = new ArrayList<>();
    volatile String problem;
    volatile long lost;
    List<String> unfinished = List.of();
    boolean closed;
    /** While set, every sample handed in throws, as a bug on the control thread would. */
    volatile boolean failSamples;
    /** Called with each event of a session as it is handed in, on the caller's thread: what happens meanwhile. */
    volatile java.util.function.Consumer<Entry> meanwhile = entry -> { };

    synchronized List<Entry> ofType(String type) {
        return entries.stream().filter(e -> e.type().equals(type)).toList();
    }

    @Override
    public synchronized void begin(String sessionId, Map<String, Object> fields) {
        entries.add(new Entry(sessionId, "session-start", Map.copyOf(fields)));
    }

    @Override
    public synchronized void event(String sessionId, String type, Map<String, Object> fields) {
        entries.add(new Entry(sessionId, type, fields));
    }

    @Override
    public void eventOfSession(String sessionId, String type, Map<String, Object> fields) {
        Entry entry = new Entry(sessionId, type, fields);
        synchronized (this) {
            entries.add(entry);
        }
        meanwhile.accept(entry);
    }

    @Override
    public void sample(long clockNanos, int cup, double commandedKpa, double measuredKpa) {
        if (failSamples) {
            throw new IllegalStateException("sample refused");
        }
    }

    @Override
    public synchronized void end(String sessionId, Map<String, Object> summary) {
        entries.add(new Entry(sessionId, "session-end", summary));
    }

    @Override
    public List<String> recoverUnfinished() {
        return unfinished;
    }

    @Override
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public long lostRecords() {
        return lost;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
