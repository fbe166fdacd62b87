package io.upwell.api.history;

/** The treatment history cannot be read now; the message says why (and where, for a database). */
public class HistoryUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public HistoryUnavailableException(String message) {
        super(message);
    }

    public HistoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
