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
 * <p>
 * Records and samples reach the files in the order they were handed in: a record is written after
 * every sample handed in before it. Journal I/O failures never reach the caller; they are logged
 * and kept for the core to show. Misuse by the caller (an id that cannot name a file, an event
 * for a session that was not begun, a field named like one the journal writes itself:
 * {@code type}, {@code time}, {@code session}, {@code t}, {@code dropped}) is refused with an
 * {@link IllegalArgumentException} or {@link IllegalStateException}. The fields maps are copied
 * when handed in; their values are converted to JSON later, on the writer thread, so they should
 * be immutable (strings, numbers, booleans, enums, records, lists and maps of those, and
 * {@code java.time} values). A non-finite number is written as {@code null}.
 */
public interface SessionJournal extends AutoCloseable {

    /**
     * Opens the session's file and writes its first record, {@code "type":"session-start"}, with
     * the given fields (operator, client, screening, technique, parameters, placements, limits...).
     * <p>
     * A numeric field {@code "clockNanos"} (the engine clock's reading at the start) fixes the
     * session's time zero for samples; without it the session's first sample is time zero. Any
     * later record of the session that carries {@code "clockNanos"} also gets {@code "t"}, its
     * seconds since that zero. Samples go to the most recently begun session until it ends.
     */
    void begin(String sessionId, Map<String, Object> fields);

    /**
     * Writes an event record of the given type ({@code "state"}, {@code "alarm"}, {@code "intensity"},
     * {@code "acknowledge"}, ...) to the session's file, or to the engine file when
     * {@code sessionId} is null.
     */
    void event(String sessionId, String type, Map<String, Object> fields);

    /**
     * Writes an event about a session that may end at any moment (an alarm, an acknowledgement, an
     * intensity change racing the session's end): to the session's file while it runs, otherwise to
     * the engine file with the field {@code "forSession"} naming it. Never refused because the
     * session ended, so nothing an operator did is lost to that race.
     */
    void eventOfSession(String sessionId, String type, Map<String, Object> fields);

    /**
     * Records one cup's commanded and measured vacuum at a moment of the engine clock, for the
     * running session. Lock-free and allocation-free: safe on the control thread. When the buffer is
     * full the oldest unwritten samples are dropped and the loss is counted in the next record.
     * Samples handed in while no session is running are discarded.
     */
    void sample(long clockNanos, int cup, double commandedKpa, double measuredKpa);

    /** Writes the {@code "session-end"} record with the summary and closes the session's file. */
    void end(String sessionId, Map<String, Object> summary);

    /**
     * Run once at engine start, before any device is driven: finds session files that have no
     * {@code session-end} record (the engine died mid-session), appends a {@code "recovered"} record
     * to each, and returns their session ids. A file whose last record is {@code recovered} is
     * settled, so a session is returned once. A last line cut short by the crash is skipped and
     * counted, never fatal.
     */
    List<String> recoverUnfinished();

    /**
     * What has gone wrong since the journal was opened, in one line (what, where, when), or empty
     * while every record reached the disk. A failure stays reported: evidence already lost does not
     * come back when the disk does.
     */
    java.util.Optional<String> problem();

    /** Records and sample lines that could not be written. */
    long lostRecords();

    /**
     * Writes what is queued, forces it to disk and stops the writer; idempotent. Sessions still
     * running are left without {@code session-end}, to be recovered at the next start.
     */
    @Override
    void close();
}
