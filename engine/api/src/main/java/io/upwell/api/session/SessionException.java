package io.upwell.api.session;

/** A session request or command was refused; the message says what is wrong and where. */
public class SessionException extends Exception {
    private static final long serialVersionUID = 1L;

    public SessionException(String message) {
        super(message);
    }

    public SessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
