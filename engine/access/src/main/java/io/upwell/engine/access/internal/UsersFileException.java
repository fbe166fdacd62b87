package io.upwell.engine.access.internal;

/** {@code users.json} cannot be read or written; the message names the file and what is wrong. */
final class UsersFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsersFileException(String message) {
        super(message);
    }

    UsersFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
