package io.upwell.engine.core.bench;

import java.lang.management.ManagementFactory;

/**
 * One thread's own CPU time and allocated bytes, read through {@code com.sun.management.ThreadMXBean};
 * the difference of two readings is what the thread spent in between.
 */
record ThreadUsage(long cpuNanos, long allocatedBytes) {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static ThreadUsage of(Thread thread) {
        return new ThreadUsage(THREADS.getThreadCpuTime(thread.getId()),
                THREADS.getThreadAllocatedBytes(thread.getId()));
    }

    ThreadUsage since(ThreadUsage earlier) {
        return new ThreadUsage(cpuNanos - earlier.cpuNanos, allocatedBytes - earlier.allocatedBytes);
    }
}
