package io.upwell.engine.access;

/** A user administration request that was refused or could not be carried out; the message says why. */
public class AccessException extends Exception {
    private static final long serialVersionUID = 1L;

    public AccessException(String message) {
        super(message);
    }

    public AccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
