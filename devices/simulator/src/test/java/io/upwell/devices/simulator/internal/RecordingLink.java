package io.upwell.devices.simulator.internal;

import io.upwell.api.device.ConnectionState;
import io.upwell.api.device.DeviceLink;
import io.upwell.api.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The engine's side of the link, reduced to what a test sets and reads: commands it sets by hand,
 * samples and state changes it records. An optional engine tick advances the command sequence every
 * 20 ms on the same clock, as the core's 50 Hz control loop does.
 */
final class RecordingLink implements DeviceLink {
    static final Duration ENGINE_PERIOD = Duration.ofMillis(20);

    record Sample(int channel, double kpa, long nanos) {
    }

    record StateChange(ConnectionState state, String reason, long nanos) {
    }

    private final ManualClock clock;
    private final double[] targetKpa;
    private final boolean[] vent;
    private final double[] magnetLevel;
    private long sequence;
    private Clock.Scheduled engine;

    final List<Sample> samples = new ArrayList<>();
    final List<StateChange> states = new ArrayList<>();
    final List<String> emergencyStops = new ArrayList<>();

    RecordingLink(ManualClock clock, int channels) {
        this.clock = clock;
        this.targetKpa = new double[channels];
        this.vent = new boolean[channels];
        this.magnetLevel = new double[channels];
        Arrays.fill(vent, true);
    }

    /** Starts advancing the command sequence every 20 ms, as a running engine does. */
    void startEngine() {
        engine = clock.every(ENGINE_PERIOD.toNanos(), "engine", () -> sequence++);
    }

    /** Stops advancing the command sequence, as a stopped engine does. */
    void stopEngine() {
        engine.close();
    }

    /** Commands a channel to hold a vacuum. */
    void hold(int channel, double kpa) {
        targetKpa[channel] = kpa;
        vent[channel] = false;
    }

    void vent(int channel, boolean open) {
        vent[channel] = open;
        if (open) {
            targetKpa[channel] = 0;
        }
    }

    void magnet(int channel, double level) {
        magnetLevel[channel] = level;
    }

    List<Double> samplesOf(int channel) {
        return samples.stream().filter(s -> s.channel() == channel).map(Sample::kpa).toList();
    }

    double lastSample(int channel) {
        List<Double> values = samplesOf(channel);
        return values.get(values.size() - 1);
    }

    List<ConnectionState> stateSequence() {
        return states.stream().map(StateChange::state).toList();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void sample(int channel, double measuredKpa) {
        samples.add(new Sample(channel, measuredKpa, clock.nanoTime()));
    }

    @Override
    public void connectionChanged(ConnectionState state, String reason) {
        states.add(new StateChange(state, reason, clock.nanoTime()));
    }

    @Override
    public void emergencyStop(String source) {
        emergencyStops.add(source);
    }

    @Override
    public double targetKpa(int channel) {
        return targetKpa[channel];
    }

    @Override
    public boolean vent(int channel) {
        return vent[channel];
    }

    @Override
    public double magnetLevel(int channel) {
        return magnetLevel[channel];
    }

    @Override
    public long commandSequence() {
        return sequence;
    }
}
