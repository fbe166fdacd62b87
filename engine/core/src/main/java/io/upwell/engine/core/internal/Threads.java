package io.upwell.engine.core.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names for the engine's threads, so a thread dump tells whose work is where. */
final class Threads {
    private Threads() {
    }

    /** Daemon threads named {@code name-1}, {@code name-2}, ... */
    static ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
