package io.upwell.api.records;

/** The records could not be read: the database is unreachable, not configured, or refused the query. */
public class RecordsException extends Exception {
    private static final long serialVersionUID = 1L;

    public RecordsException(String message) {
        super(message);
    }

    public RecordsException(String message, Throwable cause) {
        super(message, cause);
    }
}
