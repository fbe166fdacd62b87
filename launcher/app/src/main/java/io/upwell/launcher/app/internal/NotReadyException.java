package io.upwell.launcher.app.internal;

/** Something the application needs did not come up in time; the message says what and what to check. */
final class NotReadyException extends Exception {
    private static final long serialVersionUID = 1L;

    NotReadyException(String message) {
        super(message);
    }
}
