package io.upwell.engine.records.internal.journal;

/** A settled journal file that cannot become a record; the message names the file and what is wrong. */
public final class UnreadableJournalException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnreadableJournalException(String message) {
        super(message);
    }
}
