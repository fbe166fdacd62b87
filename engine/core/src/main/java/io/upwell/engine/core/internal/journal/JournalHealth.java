package io.upwell.engine.core.internal.journal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where journal failures go instead of up into the caller: each kind of failure is logged once
 * (later ones of the same kind only at debug level, so a full disk does not flood the log), the
 * latest is kept for the core to show, and lost records are counted.
 */
final class JournalHealth {
    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesJournal.class);

    private final Set<JournalError.Kind> alreadyLogged = EnumSet.noneOf(JournalError.Kind.class);
    private final AtomicLong lostRecords = new AtomicLong();
    private volatile JournalError lastError;

    void report(JournalError.Kind kind, Path path, Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        report(kind, path, message, cause);
    }

    void report(JournalError.Kind kind, Path path, String message) {
        report(kind, path, message, null);
    }

    private void report(JournalError.Kind kind, Path path, String message, Throwable cause) {
        JournalError error = new JournalError(kind, path, message, Instant.now());
        lastError = error;
        boolean first;
        synchronized (alreadyLogged) {
            first = alreadyLogged.add(kind);
        }
        if (first) {
            LOG.error("Session journal: {} (further failures of this kind are logged at debug level)", error, cause);
        } else {
            LOG.debug("Session journal: {}", error, cause);
        }
    }

    void recordLost() {
        lostRecords.incrementAndGet();
    }

    boolean healthy() {
        return lastError == null;
    }

    Optional<JournalError> lastError() {
        return Optional.ofNullable(lastError);
    }

    long lostRecords() {
        return lostRecords.get();
    }
}
