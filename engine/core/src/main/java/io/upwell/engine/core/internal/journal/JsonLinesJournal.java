package io.upwell.engine.core.internal.journal;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session journal as JSON lines: {@code <dataDirectory>/sessions/<sessionId>.jsonl} per
 * session and {@code <dataDirectory>/engine.jsonl} for the engine's own events.
 * <p>
 * Every line is one JSON object with {@code "type"} and {@code "time"} (ISO-8601 wall time of the
 * call), {@code "session"} on session records, then the caller's fields. Samples are written as
 * {@code {"type":"sample","time":...,"t":s,"cup":i,"cmd":kPa,"meas":kPa}}: {@code t} is seconds
 * of the engine clock since the session started (to the millisecond), pressures are rounded to
 * 0.01 kPa and a pressure that is not a number (no measurement) is {@code null}. Sample lines do
 * not repeat the session id: the file names it. When samples were lost to a full buffer, the
 * next line written carries {@code "dropped": n}.
 * <p>
 * Records and samples reach the files in the order they were handed in. One daemon thread,
 * {@code upwell-journal}, does all the writing and forces each file it touched to disk at least
 * every {@code flushInterval} (at most one second, SR-16). I/O failures never reach the caller:
 * they are logged once per kind and shown by {@link #healthy()} and {@link #lastError()}. Misuse
 * (a bad session id, a reserved field name, an event for a session that was not begun) is a bug
 * in the caller and is refused with an {@link IllegalArgumentException} or
 * {@link IllegalStateException} naming the problem.
 */
public final class JsonLinesJournal implements SessionJournal {
    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesJournal.class);

    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(500);
    /** SR-16: a crash may lose at most the last second. */
    public static final Duration MAX_FLUSH_INTERVAL = Duration.ofSeconds(1);
    /** Below this the writer would do little but force the disk. */
    public static final Duration MIN_FLUSH_INTERVAL = Duration.ofMillis(10);
    /** About 20 minutes of 50 Hz samples for one cup, or 5 minutes for four. */
    public static final int DEFAULT_SAMPLE_BUFFER_CAPACITY = 1 << 16;
    public static final int MAX_SAMPLE_BUFFER_CAPACITY = 1 << 24;

    /**
     * Optional numeric field: the engine clock's reading ({@code Clock.nanoTime()}) when the record
     * was made. On {@code session-start} it fixes the session's time zero for samples; on any later
     * session record it adds {@code "t"}, seconds since that zero, so records and samples share one
     * time line.
     */
    public static final String CLOCK_NANOS = "clockNanos";

    /** The field {@link #eventOfSession} adds when the session had already ended. */
    public static final String FOR_SESSION = "forSession";

    public static final String SESSION_START = "session-start";
    public static final String SESSION_END = "session-end";
    public static final String SAMPLE = "sample";
    public static final String RECOVERED = UnfinishedSessionRecovery.RECOVERED;

    static final String FILE_SUFFIX = ".jsonl";
    static final String SESSIONS_DIRECTORY = "sessions";
    static final String ENGINE_FILE = "engine" + FILE_SUFFIX;

    private static final Set<String> RESERVED_FIELDS = Set.of("type", "time", "session", "t", "dropped");
    private static final Set<String> RESERVED_TYPES = Set.of(SESSION_START, SESSION_END, SAMPLE, RECOVERED);
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private final Path dataDirectory;
    private final Path sessionsDirectory;
    private final SampleRing samples;
    private final Queue<JournalRecord> records = new ConcurrentLinkedQueue<>();
    private final Set<String> runningSessions = ConcurrentHashMap.newKeySet();
    private final JournalHealth health = new JournalHealth();
    private final UnfinishedSessionRecovery recovery;
    private final Thread writerThread;
    private final Object closeLock = new Object();
    /** Orders a session's last records before its end: no record is queued for a file already closed. */
    private final Object sessionEnds = new Object();
    private volatile boolean closed;

    /** A journal with a 500 ms flush interval and room for 65536 unwritten samples. */
    public JsonLinesJournal(Path dataDirectory) {
        this(dataDirectory, DEFAULT_FLUSH_INTERVAL, DEFAULT_SAMPLE_BUFFER_CAPACITY);
    }

    /**
     * Creates the directories as needed, opens the engine file and starts the writer thread.
     *
     * @param flushInterval the longest time a handed-in record or sample may wait before it is
     *        forced to disk: between 10 ms and 1 s
     * @param sampleBufferCapacity unwritten samples kept before the oldest are dropped; rounded
     *        up to a power of two, at most 2^24
     * @throws IllegalArgumentException for an interval or capacity out of range
     * @throws UncheckedIOException when the directory cannot be created or written; the message
     *         names the path
     */
    public JsonLinesJournal(Path dataDirectory, Duration flushInterval, int sampleBufferCapacity) {
        if (dataDirectory == null) {
            throw new IllegalArgumentException("journal data directory must not be null");
        }
        if (flushInterval == null || flushInterval.compareTo(MIN_FLUSH_INTERVAL) < 0
                || flushInterval.compareTo(MAX_FLUSH_INTERVAL) > 0) {
            throw new IllegalArgumentException("journal flushInterval must be between " + MIN_FLUSH_INTERVAL.toMillis()
                    + " ms and " + MAX_FLUSH_INTERVAL.toMillis() + " ms (SR-16: a crash may lose at most the"
                    + " last second), got " + (flushInterval == null ? "null" : flushInterval.toMillis() + " ms"));
        }
        if (sampleBufferCapacity < 1 || sampleBufferCapacity > MAX_SAMPLE_BUFFER_CAPACITY) {
            throw new IllegalArgumentException("journal sampleBufferCapacity must be between 1 and "
                    + MAX_SAMPLE_BUFFER_CAPACITY + ", got " + sampleBufferCapacity);
        }
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.sessionsDirectory = this.dataDirectory.resolve(SESSIONS_DIRECTORY);
        JournalFile engineFile = prepareFiles();
        this.samples = new SampleRing(sampleBufferCapacity);
        Gson gson = JournalGson.create();
        this.recovery = new UnfinishedSessionRecovery(sessionsDirectory, gson, health);
        JournalWriter writer = new JournalWriter(sessionsDirectory, engineFile, samples, records,
                new JournalLines(gson, health), health, flushInterval.toNanos(), () -> closed);
        writerThread = new Thread(writer, "upwell-journal");
        writerThread.setDaemon(true);
        writerThread.start();
    }

    private JournalFile prepareFiles() {
        Path checking = dataDirectory;
        try {
            Files.createDirectories(dataDirectory);
            checking = sessionsDirectory;
            Files.createDirectories(sessionsDirectory);
            // Proves that files can be created where sessions go, before any session depends on it.
            Path probe = Files.createTempFile(sessionsDirectory, ".probe-", ".tmp");
            Files.delete(probe);
            checking = dataDirectory.resolve(ENGINE_FILE);
            return JournalFile.openForAppend(checking);
        } catch (IOException | SecurityException e) {
            String why = e instanceof java.nio.file.FileAlreadyExistsException && Files.isRegularFile(checking)
                    ? checking + " is a file, not a directory"
                    : "cannot create or write " + checking + " (" + e.getClass().getSimpleName() + ": "
                            + e.getMessage() + ")";
            throw new UncheckedIOException(new IOException(
                    "journal data directory " + dataDirectory + " is unusable: " + why, e));
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the id cannot name a file (1 to 128 of
     *         {@code A-Z a-z 0-9 . _ -}, not starting with a dot or dash) or a field name is reserved
     * @throws IllegalStateException when the session was already begun
     */
    @Override
    public void begin(String sessionId, Map<String, Object> fields) {
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
            throw new IllegalArgumentException("session id " + quoted(sessionId) + " cannot name a journal file: use 1"
                    + " to 128 of A-Z a-z 0-9 . _ -, starting with a letter or digit");
        }
        Map<String, Object> copy = checkedCopy(fields, sessionId, SESSION_START);
        if (!runningSessions.add(sessionId)) {
            throw new IllegalStateException("session " + sessionId + " was already begun in this journal");
        }
        enqueue(JournalRecord.Kind.BEGIN, sessionId, SESSION_START, copy);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the type is blank or one the journal writes itself
     *         ({@code session-start}, {@code session-end}, {@code sample}, {@code recovered}), or
     *         a field name is reserved
     * @throws IllegalStateException when {@code sessionId} is not null and that session is not
     *         running in this journal
     */
    @Override
    public void event(String sessionId, String type, Map<String, Object> fields) {
        if (type == null || type.isBlank() || RESERVED_TYPES.contains(type)) {
            throw new IllegalArgumentException("journal event type " + quoted(type) + " is blank or reserved "
                    + RESERVED_TYPES + (sessionId == null ? "" : " (session " + sessionId + ")"));
        }
        Map<String, Object> copy = checkedCopy(fields, sessionId, type);
        if (sessionId == null) {
            enqueue(JournalRecord.Kind.EVENT, null, type, copy);
            return;
        }
        synchronized (sessionEnds) {
            requireRunning(sessionId, type);
            enqueue(JournalRecord.Kind.EVENT, sessionId, type, copy);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException as {@link #event}, and for a field named {@code forSession}
     */
    @Override
    public void eventOfSession(String sessionId, String type, Map<String, Object> fields) {
        if (sessionId == null) {
            event(null, type, fields);
            return;
        }
        if (fields != null && fields.containsKey(FOR_SESSION)) {
            throw new IllegalArgumentException("journal record " + type + " has field " + FOR_SESSION
                    + ", which eventOfSession writes itself");
        }
        synchronized (sessionEnds) {
            if (runningSessions.contains(sessionId)) {
                event(sessionId, type, fields);
                return;
            }
        }
        Map<String, Object> withSession = new LinkedHashMap<>();
        withSession.put(FOR_SESSION, sessionId);
        if (fields != null) {
            withSession.putAll(fields);
        }
        event(null, type, withSession);
    }

    /** {@inheritDoc} Allocation-free, lock-free and wait-free; never throws. */
    @Override
    public void sample(long clockNanos, int cup, double commandedKpa, double measuredKpa) {
        if (closed) {
            return;
        }
        samples.put(clockNanos, System.currentTimeMillis(), cup, commandedKpa, measuredKpa);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when that session is not running in this journal
     */
    @Override
    public void end(String sessionId, Map<String, Object> summary) {
        Map<String, Object> copy = checkedCopy(summary, sessionId, SESSION_END);
        synchronized (sessionEnds) {
            requireRunning(sessionId, SESSION_END);
            runningSessions.remove(sessionId);
            enqueue(JournalRecord.Kind.END, sessionId, SESSION_END, copy);
        }
    }

    /**
     * {@inheritDoc}
     * <p>
     * A file whose last readable record is {@code session-end} or {@code recovered} is settled and
     * not returned again. Unreadable lines at the end of a file (a line cut short by the crash)
     * are skipped and their number is written as {@code "unreadableLines"}; the record also names
     * the last readable record ({@code "lastRecord"}, {@code "lastRecordTime"}). Sessions running
     * in this journal are left alone. Runs on the calling thread and returns once the records are
     * on disk; I/O failures are reported through {@link #lastError()}, not thrown.
     */
    @Override
    public List<String> recoverUnfinished() {
        return recovery.recover(Set.copyOf(runningSessions));
    }

    /**
     * {@inheritDoc}
     * <p>
     * Sessions still running are closed without a {@code session-end} record, so the next start
     * recovers them. Waits up to 30 s for the disk; idempotent.
     */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        LockSupport.unpark(writerThread);
        try {
            writerThread.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writerThread.isAlive()) {
            LOG.error("Session journal in {}: the writer did not finish within {} s of close; records still queued"
                    + " may be lost", dataDirectory, CLOSE_WAIT.toSeconds());
        }
        if (!records.isEmpty()) {
            health.report(JournalError.Kind.AFTER_CLOSE, dataDirectory,
                    records.size() + " record(s) handed in while the journal closed were not written");
        }
    }

    /** True while no journal I/O failure has happened since this journal was opened. */
    public boolean healthy() {
        return health.healthy();
    }

    @Override
    public Optional<String> problem() {
        return health.lastError().map(JournalError::toString);
    }

    /** The most recent failure, if any. */
    public Optional<JournalError> lastError() {
        return health.lastError();
    }

    /** Records and sample lines that could not be written because of a failure. */
    @Override
    public long lostRecords() {
        return health.lostRecords();
    }

    /** The directory holding {@code engine.jsonl} and {@code sessions/}. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Where a session's records go. */
    public Path sessionFile(String sessionId) {
        return sessionsDirectory.resolve(sessionId + FILE_SUFFIX);
    }

    /** Where the engine's own events go. */
    public Path engineFile() {
        return dataDirectory.resolve(ENGINE_FILE);
    }

    /** The sample buffer's size after rounding up to a power of two. */
    public int sampleBufferCapacity() {
        return samples.capacity();
    }

    /** True while the writer thread runs; for tests of {@link #close()}. */
    boolean writerRunning() {
        return writerThread.isAlive();
    }

    private void enqueue(JournalRecord.Kind kind, String sessionId, String type, Map<String, Object> fields) {
        if (closed) {
            health.report(JournalError.Kind.AFTER_CLOSE, dataDirectory,
                    "record " + type + (sessionId == null ? "" : " of session " + sessionId) + " came after close");
            health.recordLost();
            return;
        }
        records.offer(new JournalRecord(kind, sessionId, type, Instant.now(), fields, samples.publishedCount()));
    }

    private void requireRunning(String sessionId, String type) {
        if (sessionId == null || !runningSessions.contains(sessionId)) {
            throw new IllegalStateException("journal record " + type + " is for session " + quoted(sessionId)
                    + ", which is not running in this journal (begin it first; after end it takes no records)");
        }
    }

    /** A snapshot of the caller's fields, so later changes to the map do not reach the file. */
    private static Map<String, Object> checkedCopy(Map<String, Object> fields, String sessionId, String type) {
        if (fields == null || fields.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        for (String key : copy.keySet()) {
            if (key == null || RESERVED_FIELDS.contains(key)) {
                throw new IllegalArgumentException("journal record " + type
                        + (sessionId == null ? "" : " of session " + sessionId) + " has field " + quoted(key)
                        + ", a name the journal writes itself " + RESERVED_FIELDS);
            }
        }
        return copy;
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }
}
