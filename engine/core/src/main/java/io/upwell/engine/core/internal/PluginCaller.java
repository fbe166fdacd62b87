package io.upwell.engine.core.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the core runs plugin code (a driver's connect, a technique's descriptor or plan):
 * on a bounded pool of named threads, {@code upwell-plugin-call-N}, under a deadline. A call that
 * misses its deadline is interrupted, counted as hung while its thread is still stuck in it, and
 * logged once, naming the plugin; the caller raises the alarm, since it knows what failed. Because the pool is bounded, a plugin that hangs on every
 * retry holds at most the pool's threads and never leaks one per retry; once every thread is
 * stuck, further calls are refused at once with that reason.
 */
final class PluginCaller {

    /** Plugin calls that may run at once; more wait in a short queue. */
    static final int THREADS = 4;
    static final int QUEUE = 64;

    private static final Logger LOG = LoggerFactory.getLogger(PluginCaller.class);

    private final long timeoutMillis;
    private final ThreadPoolExecutor pool;
    private final AtomicInteger stuck = new AtomicInteger();
    private final AtomicLong hungTotal = new AtomicLong();

    PluginCaller(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                Threads.named("upwell-plugin-call"));
        this.pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs plugin code; the future fails if it throws, overruns the deadline or finds no thread.
     * While the call runs, its thread is named after it, so a thread dump shows which plugin hangs.
     */
    <T> CompletableFuture<T> call(String who, String what, Callable<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        AtomicInteger state = new AtomicInteger(QUEUED);
        Future<?> task;
        try {
            task = pool.submit(() -> run(who, what, call, result, state));
        } catch (RejectedExecutionException full) {
            result.completeExceptionally(new RejectedExecutionException("no plugin thread free for " + who + ": "
                    + what + " (" + stuck.get() + " call(s) hung)"));
            return result;
        }
        result.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).whenComplete((value, failure) -> {
            if (!(Failures.unwrap(failure) instanceof TimeoutException)) {
                return;
            }
            hungTotal.incrementAndGet();
            if (state.compareAndSet(QUEUED, ABANDONED)) {
                task.cancel(false); // never started: no thread to free
            } else if (state.compareAndSet(RUNNING, STUCK)) {
                int now = stuck.incrementAndGet();
                task.cancel(true);
                LOG.warn("{}: {} did not return within {} ms and was interrupted; {} plugin call(s) stuck", who, what,
                        timeoutMillis, now);
            }
        });
        return result;
    }

    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    private static final int ABANDONED = 3;
    private static final int STUCK = 4;

    private <T> void run(String who, String what, Callable<T> call, CompletableFuture<T> result,
            AtomicInteger state) {
        if (!state.compareAndSet(QUEUED, RUNNING)) {
            return; // its deadline passed while it waited
        }
        Thread thread = Thread.currentThread();
        String idle = thread.getName();
        thread.setName(idle + " [" + who + ": " + what + "]");
        try {
            result.complete(call.call());
        } catch (Throwable t) {
            result.completeExceptionally(t);
        } finally {
            thread.setName(idle);
            if (state.getAndSet(DONE) == STUCK) {
                stuck.decrementAndGet(); // the hung call came back: its thread is free again
            }
        }
    }

    /** Calls that missed their deadline and whose threads have not come back yet. */
    int stuckCalls() {
        return stuck.get();
    }

    /** Threads the pool holds now. */
    int threads() {
        return pool.getPoolSize();
    }

    /** Calls that ever missed their deadline. */
    long hungCalls() {
        return hungTotal.get();
    }

    /** Lets calls under way (the drivers' disconnects) finish; takes no new ones. */
    void close() {
        pool.shutdown();
    }
}
