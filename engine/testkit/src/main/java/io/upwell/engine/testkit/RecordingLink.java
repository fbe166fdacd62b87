package io.upwell.engine.testkit;

import io.upwell.api.device.CommandSet;
import io.upwell.api.device.ConnectionState;
import io.upwell.api.device.DeviceLink;
import io.upwell.api.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The engine's side of a {@link DeviceLink}, as a driver under test sees it: the test sets the
 * commands, the link records what the driver reports.
 * <p>
 * <b>Commands.</b> Every channel starts vented, as with the engine: the first command a driver
 * finds is vent. {@link #commandHold}, {@link #commandVent} and {@link #commandMagnet} change them;
 * they are not checked, so a test may send what the engine's envelope never would.
 * <p>
 * <b>Command sequence.</b> It stands still until {@link #startEngineTicks()}: from then on it
 * advances every {@link #ENGINE_PERIOD} of the link's clock, as the engine's 50 Hz control loop
 * advances it, until {@link #stopEngineTicks()}, which is how a test plays a stopped engine. With
 * a {@link ManualClock} the ticks run in time order with the driver's own periodic tasks.
 * <p>
 * <b>Records.</b> Every {@link #sample}, {@link #connectionChanged} and {@link #emergencyStop},
 * stamped with the clock's time on arrival as the engine stamps them. A sample for a channel the
 * device does not have is refused with an {@link IllegalArgumentException} (the engine silently
 * ignores it, which would hide the driver's mistake from its test).
 * <p>
 * Every method is safe to call from any thread, so a driver with I/O threads of its own can be
 * tested too; what the test reads are snapshots.
 */
public final class RecordingLink implements DeviceLink {
    /** The engine's default control period (50 Hz): how often the command sequence advances once started. */
    public static final Duration ENGINE_PERIOD = Duration.ofMillis(20);

    /** One measurement the driver delivered: channel, kPa below ambient, and the clock's time on arrival. */
    public record Sample(int channel, double kpa, long nanos) {
    }

    /** One connection change the driver reported, with its reason and the clock's time on arrival. */
    public record ConnectionChange(ConnectionState state, String reason, long nanos) {
    }

    private final Clock clock;
    private final int channels;
    private final double[] targetKpa;
    private final boolean[] vent;
    private final double[] magnetLevel;
    private final List<Sample> samples = new ArrayList<>();
    private final List<ConnectionChange> connectionChanges = new ArrayList<>();
    private final List<String> emergencyStops = new ArrayList<>();
    private long sequence;
    private Clock.Scheduled engineTicks;

    /**
     * A link for a device with {@code channels} channels, every one vented, the command sequence at
     * zero and standing still.
     *
     * @param clock    what {@link #clock()} hands the driver; usually a {@link ManualClock}
     * @param channels the device's channel count, as in its descriptor
     */
    public RecordingLink(Clock clock, int channels) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (channels < 1) {
            throw new IllegalArgumentException("a device has at least one channel, got " + channels);
        }
        this.channels = channels;
        this.targetKpa = new double[channels];
        this.vent = new boolean[channels];
        this.magnetLevel = new double[channels];
        Arrays.fill(vent, true);
    }

    // ---- what the test does, as the engine would ----

    /**
     * Starts advancing the command sequence every {@link #ENGINE_PERIOD} of the clock, the first
     * time one period from now, as a running engine does.
     *
     * @throws IllegalStateException when the ticks already run
     */
    public synchronized void startEngineTicks() {
        if (engineTicks != null) {
            throw new IllegalStateException("the engine ticks already run; stop them first");
        }
        engineTicks = clock.every(ENGINE_PERIOD.toNanos(), "engine-ticks", this::advanceCommandSequence);
    }

    /** Stops advancing the command sequence, as a stopped engine does. Idempotent. */
    public synchronized void stopEngineTicks() {
        if (engineTicks != null) {
            engineTicks.close();
            engineTicks = null;
        }
    }

    /** Commands a channel to hold {@code kpa} below ambient (and no longer to vent). */
    public synchronized void commandHold(int channel, double kpa) {
        checkChannel(channel);
        targetKpa[channel] = kpa;
        vent[channel] = false;
    }

    /** Commands a channel to vent, the safe state: open to atmosphere, pump off, target zero. */
    public synchronized void commandVent(int channel) {
        checkChannel(channel);
        vent[channel] = true;
        targetKpa[channel] = 0;
    }

    /** Sets a channel's magnet level, 0 (off) to 1 (full); on an on/off magnet, on is at least 0.5. */
    public synchronized void commandMagnet(int channel, double level) {
        checkChannel(channel);
        magnetLevel[channel] = level;
    }

    // ---- what the driver did ----

    /** Every sample so far, in the order they arrived. */
    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** How many samples have arrived so far, from every channel. */
    public synchronized int sampleCount() {
        return samples.size();
    }

    /** The values sampled on one channel so far, in the order they arrived (NaN included). */
    public synchronized List<Double> samplesOf(int channel) {
        checkChannel(channel);
        return samples.stream().filter(s -> s.channel() == channel).map(Sample::kpa).toList();
    }

    /**
     * The latest value sampled on one channel.
     *
     * @throws AssertionError when the channel has not been sampled yet
     */
    public synchronized double lastSample(int channel) {
        checkChannel(channel);
        for (int i = samples.size() - 1; i >= 0; i--) {
            if (samples.get(i).channel() == channel) {
                return samples.get(i).kpa();
            }
        }
        throw new AssertionError("channel " + channel + " has not been sampled yet");
    }

    /** Every connection change so far, in the order they were reported. */
    public synchronized List<ConnectionChange> connectionChanges() {
        return List.copyOf(connectionChanges);
    }

    /** The states of {@link #connectionChanges()}, without reasons and times. */
    public synchronized List<ConnectionState> connectionStates() {
        return connectionChanges.stream().map(ConnectionChange::state).toList();
    }

    /** The source of every emergency stop the driver reported, in order. */
    public synchronized List<String> emergencyStops() {
        return List.copyOf(emergencyStops);
    }

    // ---- DeviceLink: what the driver calls ----

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public synchronized void sample(int channel, double measuredKpa) {
        checkChannel(channel);
        samples.add(new Sample(channel, measuredKpa, clock.nanoTime()));
    }

    @Override
    public synchronized void connectionChanged(ConnectionState state, String reason) {
        connectionChanges.add(new ConnectionChange(state, reason, clock.nanoTime()));
    }

    @Override
    public synchronized void emergencyStop(String source) {
        emergencyStops.add(source);
    }

    @Override
    public synchronized double targetKpa(int channel) {
        checkChannel(channel);
        return targetKpa[channel];
    }

    @Override
    public synchronized boolean vent(int channel) {
        checkChannel(channel);
        return vent[channel];
    }

    @Override
    public synchronized double magnetLevel(int channel) {
        checkChannel(channel);
        return magnetLevel[channel];
    }

    /** Every channel's command as set through this link, under its lock: always one consistent set. */
    @Override
    public synchronized void readCommands(CommandSet into) {
        if (into.channels() != channels) {
            throw new IllegalArgumentException("the link has " + channels + " channels; the command set has "
                    + into.channels());
        }
        for (int ch = 0; ch < channels; ch++) {
            into.set(ch, targetKpa[ch], vent[ch], magnetLevel[ch]);
        }
        into.setSequence(sequence);
    }

    @Override
    public synchronized long commandSequence() {
        return sequence;
    }

    private synchronized void advanceCommandSequence() {
        sequence++;
    }

    private void checkChannel(int channel) {
        if (channel < 0 || channel >= channels) {
            throw new IllegalArgumentException("channel " + channel + " is out of range: the device has channels 0.."
                    + (channels - 1));
        }
    }
}
