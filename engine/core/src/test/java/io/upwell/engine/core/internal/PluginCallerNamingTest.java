package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** While plugin code runs, its thread is named after the call, so a thread dump shows which plugin hangs. */
@Tag("SR-12")
class PluginCallerNamingTest {
    private final PluginCaller caller = new PluginCaller(2000);

    @AfterEach
    void tearDown() {
        caller.close();
    }

    @Test
    void aPluginThreadIsNamedAfterItsCallWhileItRunsAndIdleAfter() throws Exception {
        AtomicReference<Thread> thread = new AtomicReference<>();
        String during = caller.call("driver of d-1", "connect", () -> {
            thread.set(Thread.currentThread());
            return Thread.currentThread().getName();
        }).get();
        assertTrue(during.startsWith("upwell-plugin-call-"), during);
        assertTrue(during.endsWith(" [driver of d-1: connect]"), during);
        String idle = during.substring(0, during.indexOf(' '));
        EngineFixture.await("the thread's own name is back", () -> thread.get().getName().equals(idle));
        assertEquals(idle, thread.get().getName());
    }
}
