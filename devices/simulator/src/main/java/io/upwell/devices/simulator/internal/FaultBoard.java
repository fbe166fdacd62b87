package io.upwell.devices.simulator.internal;

import io.upwell.devices.simulator.Fault;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The faults injected into one device, written from any thread and read by the physics thread on
 * every step without locking or allocating. Each fault is one bit; device-wide faults live in
 * their own mask because they concern the device, not a channel.
 */
final class FaultBoard {
    private static final Set<Fault> DEVICE_WIDE = Collections.unmodifiableSet(EnumSet.of(Fault.SILENCE, Fault.DISCONNECT));

    private final AtomicIntegerArray channelMasks;
    private final AtomicInteger deviceMask = new AtomicInteger();

    FaultBoard(int channels) {
        this.channelMasks = new AtomicIntegerArray(channels);
    }

    static boolean isDeviceWide(Fault fault) {
        return DEVICE_WIDE.contains(fault);
    }

    /** Sets a fault on one channel, or on every channel when {@code channel} is -1. */
    void inject(Fault fault, int channel) {
        update(fault, channel, true);
    }

    /** Clears a fault on one channel, or on every channel when {@code channel} is -1. */
    void clear(Fault fault, int channel) {
        update(fault, channel, false);
    }

    void clearAll() {
        for (int i = 0; i < channelMasks.length(); i++) {
            channelMasks.set(i, 0);
        }
        deviceMask.set(0);
    }

    /** Whether a device-wide fault is active. */
    boolean isActive(Fault fault) {
        return (deviceMask.get() & bit(fault)) != 0;
    }

    /** Whether a fault is active on a channel, device-wide faults included. */
    boolean isActive(Fault fault, int channel) {
        return ((channelMasks.get(channel) | deviceMask.get()) & bit(fault)) != 0;
    }

    /** The faults active on a channel, device-wide faults included, as an unmodifiable snapshot. */
    Set<Fault> active(int channel) {
        int mask = channelMasks.get(channel) | deviceMask.get();
        EnumSet<Fault> faults = EnumSet.noneOf(Fault.class);
        for (Fault fault : Fault.values()) {
            if ((mask & bit(fault)) != 0) {
                faults.add(fault);
            }
        }
        return Collections.unmodifiableSet(faults);
    }

    private void update(Fault fault, int channel, boolean on) {
        if (isDeviceWide(fault)) {
            apply(deviceMask, fault, on);
        } else if (channel == -1) {
            for (int i = 0; i < channelMasks.length(); i++) {
                apply(i, fault, on);
            }
        } else {
            apply(channel, fault, on);
        }
    }

    private void apply(AtomicInteger mask, Fault fault, boolean on) {
        int bit = bit(fault);
        mask.updateAndGet(m -> on ? m | bit : m & ~bit);
    }

    private void apply(int channel, Fault fault, boolean on) {
        int bit = bit(fault);
        channelMasks.updateAndGet(channel, m -> on ? m | bit : m & ~bit);
    }

    private static int bit(Fault fault) {
        return 1 << fault.ordinal();
    }
}
