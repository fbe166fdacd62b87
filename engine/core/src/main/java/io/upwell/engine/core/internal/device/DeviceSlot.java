package io.upwell.engine.core.internal.device;

import io.upwell.api.device.CommandSet;
import io.upwell.api.device.ConnectionState;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceDriver;
import io.upwell.api.device.DeviceLink;
import io.upwell.api.device.DeviceState;
import io.upwell.api.time.Clock;
import io.upwell.api.safety.HardLimits;
import io.upwell.engine.core.internal.safety.SafetyLatch;
import io.upwell.engine.core.internal.safety.VentWatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The core's side of one connected driver: the non-blocking hand-off between the driver's threads
 * and the control loop.
 * <p>
 * Commands and samples live in atomic primitive arrays, so neither side ever waits and the control
 * loop allocates nothing. A channel is vented when the control loop commands it or when a safety
 * path has <em>forced</em> it (a plugin leaving, a lost device), or while the engine's
 * {@link SafetyLatch} is set (emergency stop, faults). Either wins over any command until the core
 * deliberately releases it, so no race with a tick in flight can undo it.
 */
public final class DeviceSlot implements DeviceLink {

    /** Hears what the driver reports; implemented by the engine. */
    public interface Events {
        void connectionChanged(DeviceSlot slot, ConnectionState state, String reason);

        void emergencyStop(String source);
    }

    private static final long NO_SAMPLE = Long.MIN_VALUE;

    private final DeviceDriver driver;
    private final DeviceDescriptor descriptor;
    private final Clock clock;
    private final Events events;
    private final SafetyLatch latch;
    private final int channels;

    private final AtomicLongArray targetBits;
    private final AtomicLongArray magnetBits;
    private final AtomicIntegerArray commandedVent;
    private final AtomicIntegerArray forcedVent;
    private final AtomicLongArray sampleBits;
    private final AtomicLongArray sampleTime;
    /** Which session owns each channel ({@code ActiveSession.serial()}), so the loop asks in O(1). */
    private final AtomicLongArray owner;
    private final VentWatch[] ventWatch;
    private final long quietTimeNanos;
    private volatile long commandSequence;
    /**
     * The commands of the last published tick, for {@link #readCommands}: written by the control
     * thread alone in {@link #publishTick}, under {@link #publishVersion}, odd while it writes (a
     * sequence lock: readers never block the loop, they retry).
     */
    private final AtomicLongArray publishedTarget;
    private final AtomicLongArray publishedMagnet;
    private final AtomicIntegerArray publishedVent;
    private final AtomicLong publishVersion = new AtomicLong();
    private volatile long publishedSequence;
    private volatile boolean closed;
    private volatile long readySince = Long.MIN_VALUE;
    private volatile boolean silent;

    private final Object stateLock = new Object();
    private DeviceState state = DeviceState.DISCONNECTED;
    private String stateReason = "not connected yet";

    public DeviceSlot(DeviceDriver driver, DeviceDescriptor descriptor, Clock clock, Events events,
            SafetyLatch latch) {
        this.driver = driver;
        this.descriptor = descriptor;
        this.clock = clock;
        this.events = events;
        this.latch = latch;
        this.channels = descriptor.channelCount();
        this.targetBits = new AtomicLongArray(channels);
        this.magnetBits = new AtomicLongArray(channels);
        this.commandedVent = new AtomicIntegerArray(channels);
        this.forcedVent = new AtomicIntegerArray(channels);
        this.sampleBits = new AtomicLongArray(channels);
        this.sampleTime = new AtomicLongArray(channels);
        this.owner = new AtomicLongArray(channels);
        this.publishedTarget = new AtomicLongArray(channels);
        this.publishedMagnet = new AtomicLongArray(channels);
        this.publishedVent = new AtomicIntegerArray(channels);
        this.ventWatch = new VentWatch[channels];
        this.quietTimeNanos = descriptor.quietTime().toNanos(); // bounded by DeviceDescriptor: cannot overflow
        for (int ch = 0; ch < channels; ch++) {
            ventWatch[ch] = new VentWatch(channelLimitKpa(ch));
            commandedVent.set(ch, 1); // the first command a driver sees is vent
            sampleBits.set(ch, Double.doubleToRawLongBits(Double.NaN));
            sampleTime.set(ch, NO_SAMPLE);
        }
    }

    public DeviceDriver driver() {
        return driver;
    }

    public DeviceDescriptor descriptor() {
        return descriptor;
    }

    public String id() {
        return descriptor.id();
    }

    public int channels() {
        return channels;
    }

    /** The most vacuum this channel may ever be commanded: the lowest of the hard, device and channel limits. */
    public double channelLimitKpa(int channel) {
        return Math.min(HardLimits.MAX_VACUUM_KPA, Math.min(descriptor.maxVacuumKpa(),
                descriptor.channels().get(channel).maxVacuumKpa()));
    }

    /** The quiet-time the device declared, in nanoseconds. */
    public long quietTimeNanos() {
        return quietTimeNanos;
    }

    // ---- ownership and the idle watch, for the control loop ----

    /** The serial of the session that owns the channel; 0 when none ever did. */
    public long owner(int channel) {
        return owner.get(channel);
    }

    /** A session claims a channel; the loop stops venting it once that session is live. */
    public void claim(int channel, long sessionSerial) {
        owner.set(channel, sessionSerial);
    }

    /** What watches the channel while it is vented. */
    public VentWatch ventWatch(int channel) {
        return ventWatch[channel];
    }

    /** After an acknowledgement: conditions that persist on vented channels are raised again. */
    public void rearmWatches() {
        for (VentWatch watch : ventWatch) {
            watch.rearm();
        }
    }

    // ---- the driver's side (DeviceLink) ----

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void sample(int channel, double measuredKpa) {
        if (closed || channel < 0 || channel >= channels) {
            return;
        }
        sampleBits.set(channel, Double.doubleToRawLongBits(measuredKpa));
        sampleTime.set(channel, clock.nanoTime());
    }

    @Override
    public void connectionChanged(ConnectionState connection, String reason) {
        if (!closed && connection != null) {
            events.connectionChanged(this, connection, reason == null ? "" : reason);
        }
    }

    @Override
    public void emergencyStop(String source) {
        events.emergencyStop(source == null || source.isBlank() ? descriptor.id() + " button" : source);
    }

    @Override
    public double targetKpa(int channel) {
        if (vent(channel)) {
            return 0.0;
        }
        return Double.longBitsToDouble(targetBits.get(channel));
    }

    @Override
    public boolean vent(int channel) {
        return latch.isSet() || closed || forcedVent.get(channel) != 0 || commandedVent.get(channel) != 0;
    }

    @Override
    public double magnetLevel(int channel) {
        if (vent(channel)) {
            return 0.0;
        }
        return Double.longBitsToDouble(magnetBits.get(channel));
    }

    @Override
    public long commandSequence() {
        return commandSequence;
    }

    // ---- the control loop's side ----

    /**
     * Sets one channel's command; vent when {@code vent} is true or the target is zero. The target
     * and magnet are kept as given: every reader asks whether the channel vents first.
     */
    public void command(int channel, double targetKpa, boolean vent, double magnetLevel) {
        targetBits.set(channel, Double.doubleToRawLongBits(targetKpa));
        magnetBits.set(channel, Double.doubleToRawLongBits(magnetLevel));
        commandedVent.set(channel, vent || targetKpa <= 0.0 ? 1 : 0);
    }

    /**
     * Marks the end of a tick's commands and publishes them as one set for {@link #readCommands};
     * drivers watch the sequence to know the engine is alive. Control thread only.
     */
    public void publishTick() {
        beginPublish();
        for (int ch = 0; ch < channels; ch++) {
            publishedTarget.set(ch, targetBits.get(ch));
            publishedMagnet.set(ch, magnetBits.get(ch));
            publishedVent.set(ch, commandedVent.get(ch));
        }
        long sequence = commandSequence + 1;
        publishedSequence = sequence;
        endPublish();
        commandSequence = sequence;
    }

    /** The version turns odd: a reader that sees it, or sees it change, reads again. */
    void beginPublish() {
        publishVersion.incrementAndGet();
    }

    /** The version turns even: the set is whole. */
    void endPublish() {
        publishVersion.incrementAndGet();
    }

    /** How often a reader retries a set the loop is publishing before it settles for venting everything. */
    static final int READ_ATTEMPTS = 10_000;

    @Override
    public void readCommands(CommandSet into) {
        if (into.channels() != channels) {
            throw new IllegalArgumentException("device " + descriptor.id() + " has " + channels
                    + " channels; the command set has " + into.channels());
        }
        boolean consistent = false;
        for (int attempt = 0; attempt < READ_ATTEMPTS && !consistent; attempt++) {
            long before = publishVersion.get();
            if ((before & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            for (int ch = 0; ch < channels; ch++) {
                into.set(ch, Double.longBitsToDouble(publishedTarget.get(ch)), publishedVent.get(ch) != 0,
                        Double.longBitsToDouble(publishedMagnet.get(ch)));
            }
            into.setSequence(publishedSequence);
            consistent = publishVersion.get() == before;
        }
        if (!consistent) {
            into.ventAll(); // never a mixture: if no whole tick could be read, the safe state
            return;
        }
        // Vents that came after the tick (a latch, a fault, a closed device, whose channels are all
        // forced) only make the set safer.
        boolean latched = latch.isSet();
        for (int ch = 0; ch < channels; ch++) {
            if (latched || forcedVent.get(ch) != 0) {
                into.set(ch, 0.0, true, 0.0);
            }
        }
    }

    /**
     * Drops every reading: after a disconnect the last values are not readings of now, and a
     * screen or a check that used them would show or judge a cup that is no longer measured.
     */
    public void forgetSamples() {
        for (int ch = 0; ch < channels; ch++) {
            sampleTime.set(ch, NO_SAMPLE);
            sampleBits.set(ch, Double.doubleToRawLongBits(Double.NaN));
        }
    }

    /** The latest measurement of a channel, NaN when none has arrived. */
    public double measuredKpa(int channel) {
        return Double.longBitsToDouble(sampleBits.get(channel));
    }

    /** When the channel's latest sample arrived on the engine clock, or {@link Long#MIN_VALUE} if never. */
    public long sampleTimeNanos(int channel) {
        return sampleTime.get(channel);
    }

    /** The newest sample time over all channels, or {@link Long#MIN_VALUE} if none. */
    public long newestSampleNanos() {
        long newest = NO_SAMPLE;
        for (int ch = 0; ch < channels; ch++) {
            newest = Math.max(newest, sampleTime.get(ch));
        }
        return newest;
    }

    // ---- safety paths, from any thread ----

    /** Vents a channel regardless of what the control loop commands, until {@link #releaseForcedVent}. */
    public void forceVent(int channel) {
        forcedVent.set(channel, 1);
    }

    public void forceVentAll() {
        for (int ch = 0; ch < channels; ch++) {
            forcedVent.set(ch, 1);
        }
    }

    public void releaseForcedVent(int channel) {
        forcedVent.set(channel, 0);
    }

    public boolean isForcedVent(int channel) {
        return forcedVent.get(channel) != 0;
    }

    /** The driver is gone: every channel reads as vented and nothing it reports counts any more. */
    public void close() {
        closed = true;
        forceVentAll();
    }

    public boolean isClosed() {
        return closed;
    }

    // ---- liveness, for the control loop's quiet-time check (SR-08) ----

    /** When the device last became ready, on the engine clock; the quiet-time counts from here until a sample arrives. */
    public long readySinceNanos() {
        return readySince;
    }

    public void markReady(long now) {
        readySince = now;
        silent = false;
    }

    /** True after the control loop found the device silent, until samples flow again. */
    public boolean isSilent() {
        return silent;
    }

    public void markSilent() {
        silent = true;
    }

    // ---- state, guarded by the slot's own lock; transitions only through the table ----

    public DeviceState state() {
        synchronized (stateLock) {
            return state;
        }
    }

    public String stateReason() {
        synchronized (stateLock) {
            return stateReason;
        }
    }

    /**
     * Moves to {@code to} if the table allows it from the current state; returns the previous state,
     * or null when the device is already in {@code to}.
     *
     * @throws IllegalStateException for a move outside the table
     */
    public DeviceState moveTo(DeviceState to, String reason) {
        synchronized (stateLock) {
            if (state == to) {
                stateReason = reason;
                return null;
            }
            DeviceTransitions.TABLE.check(state, to);
            DeviceState from = state;
            state = to;
            stateReason = reason;
            return from;
        }
    }

    /** True when a move from the current state to {@code to} is in the table. */
    public boolean canMoveTo(DeviceState to) {
        synchronized (stateLock) {
            return state != to && DeviceTransitions.TABLE.allows(state, to);
        }
    }
}
