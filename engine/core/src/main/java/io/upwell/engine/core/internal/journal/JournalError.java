package io.upwell.engine.core.internal.journal;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A journal I/O failure, kept for the core to show: what the journal was doing, on which file,
 * what went wrong and when.
 *
 * @param path the file or directory concerned, or null when none applies
 */
public record JournalError(JournalError.Kind kind, Path path, String message, Instant time) {

    /** What the journal was doing when it failed. */
    public enum Kind {
        OPEN("opening a journal file"),
        WRITE("writing a journal record"),
        FORCE("forcing a journal file to disk"),
        CLOSE("closing a journal file"),
        SERIALIZE("converting a record's field to JSON"),
        RECOVER("recovering an unfinished session"),
        AFTER_CLOSE("accepting a record after the journal was closed"),
        WRITER("running the journal's writer thread");

        private final String activity;

        Kind(String activity) {
            this.activity = activity;
        }

        /** Says, in words, what failed. */
        public String activity() {
            return activity;
        }
    }

    @Override
    public String toString() {
        return kind.activity() + (path == null ? "" : " (" + path + ")") + " failed at " + time + ": " + message;
    }
}
