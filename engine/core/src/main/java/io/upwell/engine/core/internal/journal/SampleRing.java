package io.upwell.engine.core.internal.journal;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A fixed ring of pressure samples between exactly one producer (the control thread) and exactly
 * one consumer (the journal's writer thread).
 * <p>
 * The producer never waits and never allocates: when the ring is full it overwrites the oldest
 * slot, so what is lost is the oldest unwritten data. Each slot carries a sequence word used as a
 * seqlock: the producer marks the slot as being written, writes the data, then publishes the
 * sample's index with release semantics; the consumer reads the index with acquire semantics,
 * reads the data, and re-reads the index after a load fence. A slot whose index changed under the
 * reader, or never held the wanted index, was overwritten and is counted as dropped instead of
 * being delivered torn.
 */
final class SampleRing {

    /** Receives drained samples in the order they were put. */
    interface SampleSink {
        /**
         * @param droppedBefore samples lost to overflow since the previous delivered sample
         */
        void accept(long clockNanos, long wallMillis, int cup, double commandedKpa, double measuredKpa,
                long droppedBefore);
    }

    private static final long EMPTY = -1L;
    private static final long BEING_WRITTEN = -2L;

    private final int capacity;
    private final int mask;
    private final long[] clockNanos;
    private final long[] wallMillis;
    private final int[] cups;
    private final double[] commandedKpa;
    private final double[] measuredKpa;
    private final AtomicLongArray slotIndex;
    /** Count of samples ever published; written only by the producer. */
    private final AtomicLong published = new AtomicLong();

    /** Consumer-only state. */
    private long nextToRead;
    private long droppedSinceDelivery;

    /** @param requestedCapacity rounded up to a power of two */
    SampleRing(int requestedCapacity) {
        if (requestedCapacity < 1 || requestedCapacity > (1 << 30)) {
            throw new IllegalArgumentException(
                    "sample buffer capacity must be between 1 and 2^30, got " + requestedCapacity);
        }
        capacity = Integer.highestOneBit(requestedCapacity) == requestedCapacity
                ? requestedCapacity
                : Integer.highestOneBit(requestedCapacity) << 1;
        mask = capacity - 1;
        clockNanos = new long[capacity];
        wallMillis = new long[capacity];
        cups = new int[capacity];
        commandedKpa = new double[capacity];
        measuredKpa = new double[capacity];
        slotIndex = new AtomicLongArray(capacity);
        for (int slot = 0; slot < capacity; slot++) {
            slotIndex.set(slot, EMPTY);
        }
    }

    int capacity() {
        return capacity;
    }

    /** Producer only. Lock-free, wait-free and allocation-free. */
    void put(long clock, long wall, int cup, double commanded, double measured) {
        long index = published.getPlain();
        int slot = (int) (index & mask);
        slotIndex.setOpaque(slot, BEING_WRITTEN);
        // The mark must be visible before any of the data it guards changes.
        VarHandle.storeStoreFence();
        clockNanos[slot] = clock;
        wallMillis[slot] = wall;
        cups[slot] = cup;
        commandedKpa[slot] = commanded;
        measuredKpa[slot] = measured;
        slotIndex.setRelease(slot, index);
        published.setRelease(index + 1);
    }

    /** How many samples have been published so far; any thread. */
    long publishedCount() {
        return published.getAcquire();
    }

    /**
     * Consumer only. Delivers, in order, every sample published before {@code limit} (a value of
     * {@link #publishedCount()} taken earlier, or {@code Long.MAX_VALUE} for all published now).
     *
     * @return how many slots were consumed, delivered or dropped
     */
    long drain(long limit, SampleSink sink) {
        long end = Math.min(limit, published.getAcquire());
        if (end <= nextToRead) {
            return 0;
        }
        long start = nextToRead;
        if (end - nextToRead > capacity) {
            droppedSinceDelivery += end - capacity - nextToRead;
            nextToRead = end - capacity;
        }
        for (long index = nextToRead; index < end; index++) {
            int slot = (int) (index & mask);
            if (slotIndex.getAcquire(slot) != index) {
                droppedSinceDelivery++;
                continue;
            }
            long clock = clockNanos[slot];
            long wall = wallMillis[slot];
            int cup = cups[slot];
            double commanded = commandedKpa[slot];
            double measured = measuredKpa[slot];
            VarHandle.loadLoadFence();
            if (slotIndex.getOpaque(slot) != index) {
                droppedSinceDelivery++;
                continue;
            }
            long dropped = droppedSinceDelivery;
            droppedSinceDelivery = 0;
            sink.accept(clock, wall, cup, commanded, measured, dropped);
        }
        nextToRead = end;
        return end - start;
    }

    /** Consumer only: samples found dropped that no delivered sample has reported yet. */
    long takeUnreportedDrops() {
        long dropped = droppedSinceDelivery;
        droppedSinceDelivery = 0;
        return dropped;
    }
}
