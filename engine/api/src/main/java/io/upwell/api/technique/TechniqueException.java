package io.upwell.api.technique;

/** A technique cannot plan for a request; the message tells the operator why. */
public class TechniqueException extends Exception {
    private static final long serialVersionUID = 1L;

    public TechniqueException(String message) {
        super(message);
    }

    public TechniqueException(String message, Throwable cause) {
        super(message, cause);
    }
}
