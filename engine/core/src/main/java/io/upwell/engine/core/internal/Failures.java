package io.upwell.engine.core.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Turns a failure into the one line an operator reads. */
final class Failures {
    private Failures() {
    }

    /** The cause behind wrappers, as {@code Type: message}; a missed deadline as such. */
    static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof TimeoutException) {
            return "no answer within the deadline";
        }
        String message = cause.getMessage();
        if (cause instanceof java.io.IOException && message != null) {
            return message; // our own I/O messages name the path and what failed; the type adds nothing
        }
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException
                || cause instanceof java.io.UncheckedIOException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
