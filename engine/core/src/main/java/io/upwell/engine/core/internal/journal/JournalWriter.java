package io.upwell.engine.core.internal.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of the journal's writer thread: it takes queued records and drained samples in the
 * order they were handed in, writes them to their files, and forces every file it touched at least
 * every half flush interval. It owns every open file; nothing else touches them while it runs.
 * <p>
 * Samples belong to the most recently begun session until that session ends; samples drained
 * while no session is running are discarded.
 */
final class JournalWriter implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesJournal.class);

    private final Path sessionsDirectory;
    private final JournalFile engineFile;
    private final SampleRing samples;
    private final Queue<JournalRecord> records;
    private final JournalLines lines;
    private final JournalHealth health;
    private final long forcePeriodNanos;
    private final BooleanSupplier stopRequested;

    private final Map<String, OpenSession> openSessions = new LinkedHashMap<>();
    private final SampleRing.SampleSink sampleSink = this::writeSample;
    private OpenSession sampleSession;
    private long unreportedDrops;
    private long lastForceNanos;

    JournalWriter(Path sessionsDirectory, JournalFile engineFile, SampleRing samples, Queue<JournalRecord> records,
            JournalLines lines, JournalHealth health, long flushIntervalNanos, BooleanSupplier stopRequested) {
        this.sessionsDirectory = sessionsDirectory;
        this.engineFile = engineFile;
        this.samples = samples;
        this.records = records;
        this.lines = lines;
        this.health = health;
        this.forcePeriodNanos = flushIntervalNanos / 2;
        this.stopRequested = stopRequested;
    }

    @Override
    public void run() {
        try {
            lastForceNanos = System.nanoTime();
            while (!stopRequested.getAsBoolean()) {
                long consumed = writeWhatIsWaiting();
                if (System.nanoTime() - lastForceNanos >= forcePeriodNanos) {
                    forceTouchedFiles();
                }
                // A burst (the virtual clock runs a session faster than the wall) is drained
                // without pausing, so the ring does not overflow while there is work to do.
                if (consumed < samples.capacity() / 4) {
                    LockSupport.parkNanos(this, forcePeriodNanos);
                }
            }
            writeWhatIsWaiting();
            writeWhatIsWaiting(); // the samples of records the first pass found only after it had counted them
            forceTouchedFiles();
        } catch (RuntimeException | Error e) {
            health.report(JournalError.Kind.WRITER, null, e);
            throw e;
        } finally {
            closeAll();
        }
    }

    /** @return how many sample slots were consumed */
    private long writeWhatIsWaiting() {
        // Taken first: a record handed in before one of these samples is in the queue by now, so it is
        // written before them. Draining everything published (not only up to this count) once the queue
        // looked empty took the first samples of a session whose start was handed in meanwhile, before
        // its file was open, and lost them.
        long publishedBefore = samples.publishedCount();
        long consumed = 0;
        JournalRecord record;
        while ((record = records.poll()) != null) {
            consumed += samples.drain(record.samplesBefore(), sampleSink);
            writeRecord(record);
        }
        consumed += samples.drain(publishedBefore, sampleSink);
        return consumed;
    }

    /**
     * A failure here that is not I/O is a bug in the journal; it costs the one record, never the
     * writer thread, so everything after it is still written.
     */
    private void writeRecord(JournalRecord record) {
        try {
            writeRecordOrFail(record);
        } catch (RuntimeException e) {
            health.recordLost();
            health.report(JournalError.Kind.WRITER, null, e);
        }
    }

    private void writeRecordOrFail(JournalRecord record) {
        switch (record.kind()) {
            case BEGIN -> begin(record);
            case EVENT -> {
                if (record.sessionId() == null) {
                    writeLine(engineFile, line(record, null));
                } else {
                    OpenSession session = session(record.sessionId());
                    writeLine(session.file(), line(record, session));
                }
            }
            case END -> end(record);
        }
    }

    private void begin(JournalRecord record) {
        // A record that raced ahead of its session's begin has opened the session already: keep that one,
        // since a second one would orphan its file and the lines buffered in it.
        OpenSession session = session(record.sessionId());
        Object startClock = record.fields().get(JsonLinesJournal.CLOCK_NANOS);
        if (startClock instanceof Number start) {
            session.startClockNanos = start.longValue();
            session.started = true;
        }
        sampleSession = session;
        JournalFile file = session.file();
        if (file != null && file.createdNew()) {
            forceDirectoryEntry();
        } else if (file != null) {
            LOG.warn("session {} begins in {}, which already holds records; appending after them",
                    session.id, file.path());
        }
        writeLine(file, line(record, session));
    }

    private void end(JournalRecord record) {
        OpenSession session = session(record.sessionId());
        writeLine(session.file(), line(record, session));
        openSessions.remove(session.id);
        if (sampleSession == session) {
            sampleSession = null;
        }
        if (session.file != null) {
            force(session.file);
            close(session.file);
        }
    }

    private OpenSession session(String id) {
        OpenSession session = openSessions.get(id);
        if (session == null) {
            // The caller checks that the session was begun, so this only happens to records that
            // raced with the journal's own bookkeeping; keep them in the session's file anyway.
            session = new OpenSession(id, sessionsDirectory.resolve(id + JsonLinesJournal.FILE_SUFFIX));
            openSessions.put(id, session);
        }
        return session;
    }

    private void writeSample(long clockNanos, long wallMillis, int cup, double commandedKpa, double measuredKpa,
            long droppedBefore) {
        unreportedDrops += droppedBefore;
        try {
            writeSampleOrFail(clockNanos, wallMillis, cup, commandedKpa, measuredKpa);
        } catch (RuntimeException e) {
            health.recordLost();
            health.report(JournalError.Kind.WRITER, null, e);
        }
    }

    private void writeSampleOrFail(long clockNanos, long wallMillis, int cup, double commandedKpa,
            double measuredKpa) {
        OpenSession session = sampleSession;
        if (session == null) {
            return;
        }
        if (!session.started) {
            session.startClockNanos = clockNanos;
            session.started = true;
        }
        double seconds = (clockNanos - session.startClockNanos) / 1e9;
        String line = lines.sample(wallMillis, seconds, cup, commandedKpa, measuredKpa, takeDrops());
        writeLine(session.file(), line);
    }

    private String line(JournalRecord record, OpenSession session) {
        double seconds = Double.NaN;
        Object clock = record.fields().get(JsonLinesJournal.CLOCK_NANOS);
        if (session != null && session.started && clock instanceof Number nanos) {
            seconds = JournalLines.roundToMillis((nanos.longValue() - session.startClockNanos) / 1e9);
        }
        return lines.record(record.type(), record.time(), record.sessionId(), seconds, takeDrops(), record.fields());
    }

    private long takeDrops() {
        long dropped = unreportedDrops + samples.takeUnreportedDrops();
        unreportedDrops = 0;
        return dropped;
    }

    private void writeLine(JournalFile file, String line) {
        if (file == null) {
            health.recordLost();
            return;
        }
        try {
            file.appendLine(line);
        } catch (IOException e) {
            health.recordLost();
            health.report(JournalError.Kind.WRITE, file.path(), e);
        }
    }

    private void forceTouchedFiles() {
        if (engineFile.dirty()) {
            force(engineFile);
        }
        for (OpenSession session : openSessions.values()) {
            if (session.file != null && session.file.dirty()) {
                force(session.file);
            }
        }
        lastForceNanos = System.nanoTime();
    }

    private void force(JournalFile file) {
        try {
            file.flushAndForce();
        } catch (IOException e) {
            health.report(JournalError.Kind.FORCE, file.path(), e);
        }
    }

    /**
     * Makes a new session file's name durable, not only its contents. Not every platform can open
     * a directory for this; where it cannot, the file system's own journal is all there is.
     */
    private void forceDirectoryEntry() {
        try (FileChannel directory = FileChannel.open(sessionsDirectory, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | RuntimeException e) {
            // Not a loss of records: the platform offers no way to force a directory.
            LOG.debug("cannot force directory {}: {}", sessionsDirectory, e.toString());
        }
    }

    private void closeAll() {
        List<JournalFile> files = new ArrayList<>();
        files.add(engineFile);
        for (OpenSession session : openSessions.values()) {
            if (session.file != null) {
                files.add(session.file);
            }
        }
        openSessions.clear();
        sampleSession = null;
        for (JournalFile file : files) {
            force(file);
            close(file);
        }
    }

    private void close(JournalFile file) {
        try {
            file.close();
        } catch (IOException e) {
            health.report(JournalError.Kind.CLOSE, file.path(), e);
        }
    }

    /** A running session as the writer sees it; its file is opened on first use and reopened after a failure. */
    private final class OpenSession {
        final String id;
        final Path path;
        JournalFile file;
        long startClockNanos;
        boolean started;
        private boolean openFailed;
        private long nextOpenAttemptNanos;

        OpenSession(String id, Path path) {
            this.id = id;
            this.path = path;
        }

        JournalFile file() {
            if (file == null && (!openFailed || System.nanoTime() - nextOpenAttemptNanos >= 0)) {
                try {
                    file = JournalFile.openForAppend(path);
                } catch (IOException | RuntimeException e) {
                    // Retrying on every line would hammer a failing disk; once per force period is enough.
                    openFailed = true;
                    nextOpenAttemptNanos = System.nanoTime() + forcePeriodNanos;
                    health.report(JournalError.Kind.OPEN, path, e);
                }
            }
            return file;
        }
    }
}
