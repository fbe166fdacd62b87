package io.upwell.devices.kit.serial;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The writing half of a line: a bounded queue that callers drop writes into without waiting, and
 * the thread that drains it into the port.
 * <p>
 * The thread may wait inside a write (a device that reads nothing fills its buffer, and the
 * operating system then makes writers wait); the callers never do: when the queue is full their
 * write is dropped and counted. Each write carries the opening it was meant for and is dropped if
 * the line was lost and reopened meanwhile.
 */
final class PortWriter implements Runnable {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private record Pending(long generation, byte[] bytes) {
    }

    private final BlockingQueue<Pending> queue;
    private final Supplier<OpenPort> currentPort;
    private final LineCounters counters;
    /** Writes accepted and not yet written or dropped: what {@link #flush} waits for. */
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object settled = new Object();
    private volatile boolean stopped;

    PortWriter(int capacity, Supplier<OpenPort> currentPort, LineCounters counters) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.currentPort = currentPort;
        this.counters = counters;
    }

    /** Queues a write for the given opening; false (and counted) when the queue is full. Never waits. */
    boolean offer(long generation, byte[] bytes) {
        inFlight.incrementAndGet();
        if (queue.offer(new Pending(generation, bytes))) {
            return true;
        }
        settle();
        counters.countDroppedWrite();
        return false;
    }

    /** Drops every queued write: the opening they were meant for is gone. */
    void discardQueued() {
        List<Pending> dropped = new ArrayList<>();
        queue.drainTo(dropped);
        for (int i = 0; i < dropped.size(); i++) {
            counters.countDroppedWrite();
            settle();
        }
    }

    /** Waits until every write accepted so far is written or dropped, at most {@code timeoutNanos}. */
    boolean flush(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (settled) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(settled, left);
            }
            return true;
        }
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        while (!stopped) {
            Pending next;
            try {
                next = queue.poll(POLL_NANOS, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                if (stopped) {
                    break;
                }
                continue;
            }
            if (next != null) {
                try {
                    write(next);
                } finally {
                    settle();
                }
            }
        }
        discardQueued();
    }

    private void write(Pending pending) {
        OpenPort port = currentPort.get();
        if (port == null || port.generation() != pending.generation()) {
            counters.countDroppedWrite();
            return;
        }
        byte[] bytes = pending.bytes();
        int offset = 0;
        while (offset < bytes.length) {
            // jSerialComm answers a failed write with 0 bytes written (or -1): the reader will see the
            // line is gone; this write is lost with it.
            int written = port.port().writeBytes(bytes, bytes.length - offset, offset);
            if (written <= 0) {
                counters.countDroppedWrite();
                return;
            }
            counters.addSent(written);
            offset += written;
        }
    }

    private void settle() {
        if (inFlight.decrementAndGet() == 0) {
            synchronized (settled) {
                settled.notifyAll();
            }
        }
    }
}
