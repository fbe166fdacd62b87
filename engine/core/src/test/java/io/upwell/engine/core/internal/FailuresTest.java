package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The one line an operator reads about a failure: the cause behind the wrappers, by type and message. */
class FailuresTest {

    @Test
    void theCauseIsFoundBehindEveryKindOfWrapper() {
        IOException io = new IOException("io");
        assertSame(io, Failures.unwrap(new CompletionException(new ExecutionException(new UncheckedIOException(io)))));
        IllegalStateException cause = new IllegalStateException("broken");
        assertSame(cause, Failures.unwrap(new ExecutionException(new CompletionException(cause))));
        assertSame(cause, Failures.unwrap(cause), "an unwrapped failure is its own cause");
        IllegalStateException other = new IllegalStateException(io);
        assertSame(other, Failures.unwrap(other), "only the three wrappers are looked behind");
    }

    @Test
    void aWrapperWithoutACauseIsTheCause() {
        CompletionException empty = new CompletionException("nothing behind it", null);
        assertSame(empty, Failures.unwrap(empty));
        ExecutionException bare = new ExecutionException("nothing behind it", null);
        assertSame(bare, Failures.unwrap(bare));
    }

    @Test
    void aMissedDeadlineIsSaidInWords() {
        assertEquals("no answer within the deadline",
                Failures.describe(new CompletionException(new TimeoutException())));
    }

    @Test
    void aFailureIsItsTypeAndMessage() {
        assertEquals("IllegalStateException: broken",
                Failures.describe(new CompletionException(new IllegalStateException("broken"))));
        assertEquals("NullPointerException", Failures.describe(new NullPointerException()),
                "no message: the type alone, without a colon");
    }

    @Test
    void anIoFailureIsItsMessageAloneWhichNamesThePath() {
        assertEquals("cannot write /data/x", Failures.describe(
                new UncheckedIOException(new IOException("cannot write /data/x"))));
        assertEquals("IOException", Failures.describe(new IOException()),
                "an I/O failure without a message is named by its type");
    }
}
