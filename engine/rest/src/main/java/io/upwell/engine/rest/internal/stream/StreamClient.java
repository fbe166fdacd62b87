package io.upwell.engine.rest.internal.stream;

import java.io.IOException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connected client: a bounded queue of frames and a writer that drains it into the client's
 * {@link Sink} without ever blocking. Frames are offered from any thread (the engine's event thread
 * among them) and never wait: a client whose queue is full has fallen behind and is told so by
 * {@link #offer} returning false, and the hub drops it.
 * <p>
 * Only one thread writes at a time. The writer is either running (on the stream's executor, or on the
 * container's thread in {@link #writePossible}), waiting for the sink to be ready again (the sink calls
 * {@link #writePossible} then), or idle; an offer to an idle client starts the writer on the executor.
 * A new client starts as if running: its first {@link #writePossible} (the container calls it once the
 * servlet sets its write listener) begins the writing, after {@link #prepend} has put the hello first.
 */
public final class StreamClient {

    private static final int IDLE = 0;
    private static final int WRITING = 1;

    private final Deque<byte[]> queue = new ConcurrentLinkedDeque<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger state = new AtomicInteger(WRITING);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Executor executor;
    private final String name;
    private volatile Sink sink;
    private volatile int limit = Integer.MAX_VALUE;
    private volatile Runnable onClosed = () -> { };
    private boolean unflushed;

    /**
     * @param name     the client, for the log (its address)
     * @param executor where an idle client's writer is started; must run tasks one after another or
     *                 at least never two of one client at once (the writer state sees to the latter)
     */
    public StreamClient(String name, Executor executor) {
        this.name = name;
        this.executor = executor;
    }

    public String name() {
        return name;
    }

    /** Where the client's frames go; set before the first {@link #writePossible}. */
    void attach(Sink target) {
        this.sink = target;
    }

    /** What to do once the client is closed, by whichever side. */
    void whenClosed(Runnable action) {
        this.onClosed = action;
    }

    /** The most frames this client may have waiting before it counts as fallen behind. */
    void limit(int frames) {
        this.limit = frames;
    }

    int queued() {
        return queued.get();
    }

    boolean isClosed() {
        return closed.get();
    }

    /**
     * Queues a frame. Never blocks.
     *
     * @return false when the client is closed or its queue is full: it has fallen behind
     */
    boolean offer(byte[] frame) {
        if (closed.get()) {
            return false;
        }
        if (queued.incrementAndGet() > limit) {
            queued.decrementAndGet();
            return false;
        }
        queue.addLast(frame);
        if (state.compareAndSet(IDLE, WRITING)) {
            executor.execute(this::drain);
        }
        return true;
    }

    /** Puts a frame before everything queued; only before the first {@link #writePossible}. */
    void prepend(byte[] frame) {
        queued.incrementAndGet();
        queue.addFirst(frame);
    }

    /** The sink can take more: write what is queued. Called by the sink (the container), one call at a time. */
    public void writePossible() {
        drain();
    }

    private void drain() {
        Sink target = sink;
        try {
            while (!closed.get()) {
                if (!target.isReady()) {
                    return; // the sink calls writePossible when it can take more; the writer stays WRITING
                }
                byte[] frame = queue.pollFirst();
                if (frame != null) {
                    queued.decrementAndGet();
                    target.write(frame);
                    unflushed = true;
                    continue;
                }
                if (unflushed) {
                    unflushed = false;
                    target.flush();
                    continue;
                }
                state.set(IDLE);
                // an offer that came between the empty poll and IDLE found the writer running: take it now
                if (queue.isEmpty() || !state.compareAndSet(IDLE, WRITING)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            close();
        }
    }

    /** Ends the client's stream (once); its sink is closed on the executor, never on the caller's thread. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            queued.set(0);
            onClosed.run();
            Sink target = sink;
            if (target != null) {
                executor.execute(target::close);
            }
        }
    }

    @Override
    public String toString() {
        return "stream client " + name;
    }
}
