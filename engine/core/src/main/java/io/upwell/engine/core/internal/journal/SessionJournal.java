package io.upwell.engine.core.internal.journal;

import java.util.List;
import java.util.Map;

/**
 * The evidence of every session (SR-16): who, what, where, limits, commanded and measured pressure,
 * alarms, acknowledgements. Written as JSON lines, one file per session plus one for the engine.
 * <p>
 * Callers never wait on the disk: {@link #sample} is lock-free and allocation-free for the control
 * thread; every other method queues a record. A writer thread of the journal's own writes and
 * forces the files at least every {@code flushInterval}, so a crash loses at most that much.
 */
public interface SessionJournal extends AutoCloseable {

    /**
     * Opens the session's file and writes its first record, {@code "type":"session-start"}, with
     * the given fields (operator, client, screening, technique, parameters, placements, limits...).
     */
    void begin(String sessionId, Map<String, Object> fields);

    /**
     * Writes an event record of the given type ({@code "state"}, {@code "alarm"}, {@code "intensity"},
     * {@code "acknowledge"}, ...) to the session's file, or to the engine file when
     * {@code sessionId} is null.
     */
    void event(String sessionId, String type, Map<String, Object> fields);

    /**
     * Records one cup's commanded and measured vacuum at a moment of the engine clock, for the
     * running session. Lock-free and allocation-free: safe on the control thread. When the buffer is
     * full the oldest unwritten samples are dropped and the loss is counted in the next record.
     */
    void sample(long clockNanos, int cup, double commandedKpa, double measuredKpa);

    /** Writes the {@code "session-end"} record with the summary and closes the session's file. */
    void end(String sessionId, Map<String, Object> summary);

    /**
     * Run once at engine start, before any device is driven: finds session files that have no
     * {@code session-end} record (the engine died mid-session), appends a {@code "recovered"} record
     * to each, and returns their session ids.
     */
    List<String> recoverUnfinished();

    /** Writes what is queued, forces it to disk and stops the writer. */
    @Override
    void close();
}
