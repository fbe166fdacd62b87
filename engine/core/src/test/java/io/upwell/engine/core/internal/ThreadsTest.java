package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

/** The engine's threads are named for a thread dump and never keep the JVM alive. */
class ThreadsTest {

    @Test
    void threadsAreNumberedDaemons() {
        ThreadFactory factory = Threads.named("upwell-test");
        Thread first = factory.newThread(() -> { });
        Thread second = factory.newThread(() -> { });
        assertEquals("upwell-test-1", first.getName());
        assertEquals("upwell-test-2", second.getName());
        assertTrue(first.isDaemon() && second.isDaemon());
    }
}
