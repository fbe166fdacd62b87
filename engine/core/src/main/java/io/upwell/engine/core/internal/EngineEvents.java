package io.upwell.engine.core.internal;

import io.upwell.api.session.EngineListener;
import io.upwell.api.session.SessionSnapshot;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's event thread, {@code upwell-events}: logging and {@link EngineListener} calls run
 * here, because the paths that report are often on the control thread, which must never wait on a
 * console or a listener.
 */
final class EngineEvents {
    private static final Logger LOG = LoggerFactory.getLogger(EngineEvents.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(Threads.named("upwell-events"));
    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean samplePending = new AtomicBoolean();

    void addListener(EngineListener listener) {
        listeners.add(listener);
    }

    void removeListener(EngineListener listener) {
        listeners.remove(listener);
    }

    /** Tells every listener, on the event thread; a listener that throws is logged and skipped. */
    void tell(Consumer<EngineListener> call) {
        run(() -> {
            for (EngineListener listener : listeners) {
                try {
                    call.accept(listener);
                } catch (RuntimeException e) {
                    LOG.warn("engine listener {} failed", listener.getClass().getName(), e);
                }
            }
        });
    }

    /**
     * Hands listeners a session's state, taken on the event thread. Only while someone listens, and
     * at most one waits at a time: a listener that falls behind makes samples coalesce instead of
     * piling up behind it.
     */
    void sample(Supplier<SessionSnapshot> snapshot) {
        if (listeners.isEmpty() || !samplePending.compareAndSet(false, true)) {
            return;
        }
        run(() -> {
            samplePending.set(false);
            SessionSnapshot taken = snapshot.get();
            for (EngineListener listener : listeners) {
                try {
                    listener.sampled(taken);
                } catch (RuntimeException e) {
                    LOG.warn("engine listener {} failed", listener.getClass().getName(), e);
                }
            }
        });
    }

    /** Runs reporting work on the event thread, never on the caller's. */
    void run(Runnable work) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException stopping) {
            work.run(); // the engine is closing: no control thread is left to protect
        }
    }

    /** Lets queued reports finish, for at most {@code waitMillis}. */
    void close(long waitMillis) {
        thread.shutdown();
        try {
            thread.awaitTermination(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
