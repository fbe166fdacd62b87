package io.upwell.api.records;

/**
 * The engine's session journal as a contract for readers such as the records bundle: where the
 * files are and what their lines mean, versioned by {@link #VERSION}. docs/journal-format.md
 * describes every record type and field.
 * <p>
 * Each session has one file, {@code <data directory>/}{@value #SESSIONS_DIRECTORY}{@code /<session
 * id>}{@value #FILE_SUFFIX}: JSON Lines, one object a line, each with {@code "type"} and
 * {@code "time"} (ISO-8601 UTC). The first line is {@value #SESSION_START}, carrying
 * {@value #FORMAT_FIELD} (absent in files written before the field existed: read those as version
 * 1). A file is settled, and will not grow, once its last readable line is {@value #SESSION_END}
 * or {@value #RECOVERED}; until then the session may be running and its file is left alone.
 * <p>
 * A reader accepts lines of types it does not know and fields it does not know (the engine adds
 * them in minor versions); {@link #VERSION} changes only when a field a reader relies on changes its
 * meaning, and a reader refuses a file of a newer version than it knows.
 */
public final class SessionJournalFormat {

    /** The format version the engine writes. */
    public static final int VERSION = 1;

    /** The {@value #SESSION_START} field carrying the format version. */
    public static final String FORMAT_FIELD = "journalFormat";

    /** The directory inside the engine's data directory that holds one file per session. */
    public static final String SESSIONS_DIRECTORY = "sessions";

    /** The ending of every journal file's name. */
    public static final String FILE_SUFFIX = ".jsonl";

    /** A session's first record: who, for whom, what, where and within which limits. */
    public static final String SESSION_START = "session-start";

    /** A session's last record when it ended or was aborted: outcome, reason, peaks. */
    public static final String SESSION_END = "session-end";

    /** The record the engine appends, when it next starts, to a session it found without an end. */
    public static final String RECOVERED = "recovered";

    /** One cup's commanded and measured vacuum at one moment ({@code t}, {@code cup}, {@code cmd}, {@code meas}). */
    public static final String SAMPLE = "sample";

    /** A session state change ({@code from}, {@code to}, {@code reason}). */
    public static final String STATE = "state";

    /**
     * An alarm ({@code id}, {@code priority}, {@code condition}, {@code requirement}, {@code device},
     * {@code channel}, {@code message}, {@code latched}).
     */
    public static final String ALARM = "alarm";

    /** An operator acknowledged an alarm ({@code id}, {@code by}). */
    public static final String ALARM_ACKNOWLEDGED = "alarm-acknowledged";

    /** An alarm was cleared ({@code id}, {@code by}: whose acknowledgement cleared it). */
    public static final String ALARM_CLEARED = "alarm-cleared";

    /**
     * An operator's acknowledgement of faults and the emergency stop ({@code operator}, {@code alarm} when
     * it named one, {@code wasLatched} and {@code causes} when it cleared the latch, {@code latchCleared}
     * false and {@code stillLatched} when it did not).
     */
    public static final String ACKNOWLEDGE = "acknowledge";

    private SessionJournalFormat() {
    }
}
