package io.upwell.devices.simulator.internal;

import io.upwell.api.device.ConnectionState;
import io.upwell.api.device.DeviceLink;
import io.upwell.api.time.Clock;
import io.upwell.devices.kit.BackOff;
import io.upwell.devices.kit.CommandWatchdog;
import io.upwell.devices.simulator.Fault;
import io.upwell.devices.simulator.ScriptedFault;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection of the simulated device to an engine, from {@code connect} to {@code disconnect}:
 * the physics loop, the exchange of commands and samples, the device's own failsafe, and the
 * simulated line with its reconnection.
 * <p>
 * The loop runs on the engine's clock, so under a virtual clock the device advances exactly with
 * virtual time, on the thread that advances it. Every method is synchronized: {@link #open} must
 * have reported CONNECTED before the first step may report anything, and {@link #close} must not
 * overlap a step.
 */
final class Connection {
    static final long PHYSICS_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    private final String deviceId;
    private final DeviceLink link;
    private final Clock clock;
    private final List<SimulatedChannel> channels;
    private final FaultBoard faults;
    private final CommandWatchdog watchdog;
    private final BackOff backOff = new BackOff();
    /** Faults the device brings on and clears by itself, and whether each is on now. */
    private final List<ScriptedFault> script;
    private final boolean[] scriptedOn;
    private long openedAt;

    private Clock.Scheduled physics;
    private long lastStepNanos;
    private volatile boolean lineUp;
    private long nextAttemptNanos;
    private int failedAttempts;
    private boolean failsafe;
    private boolean closed;

    Connection(String deviceId, DeviceLink link, List<SimulatedChannel> channels, FaultBoard faults,
            long quietTimeNanos, List<ScriptedFault> script) {
        this.script = script;
        this.scriptedOn = new boolean[script.size()];
        this.deviceId = deviceId;
        this.link = link;
        this.clock = link.clock();
        this.channels = channels;
        this.faults = faults;
        this.watchdog = new CommandWatchdog(quietTimeNanos);
    }

    /** Vents every channel, starts the physics on the engine's clock and brings the line up. */
    synchronized void open() {
        if (closed) {
            throw new IllegalStateException(deviceId + ": this connection was closed before it opened");
        }
        link.connectionChanged(ConnectionState.CONNECTING, deviceId + ": opening the simulated line");
        // Vent before anything else: whatever the device held before, nobody is in charge of it yet.
        channels.forEach(SimulatedChannel::vent);
        long now = clock.nanoTime();
        lastStepNanos = now;
        openedAt = now;
        physics = clock.every(PHYSICS_PERIOD_NANOS, deviceId + "-physics", this::step);
        if (faults.isActive(Fault.DISCONNECT)) {
            loseLine(now, "the device does not answer (simulated DISCONNECT fault)");
        } else {
            bringLineUp(now, "connected");
        }
    }

    /** Stops the physics, vents and leaves the device at rest. Idempotent. */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (physics != null) {
            physics.close();
        }
        channels.forEach(SimulatedChannel::vent);
        // Nothing steps a released device; it has long vented to ambient when anyone looks again.
        channels.forEach(SimulatedChannel::reset);
        boolean wasUp = lineUp;
        lineUp = false;
        if (wasUp) {
            link.connectionChanged(ConnectionState.DISCONNECTED, deviceId + ": disconnected by the engine");
        }
        LOG.info("{}: disconnected and vented", deviceId);
    }

    /** Brings on and clears the scripted faults whose time has come. */
    private void followScript(long sinceOpened) {
        for (int i = 0; i < scriptedOn.length; i++) {
            ScriptedFault fault = script.get(i);
            boolean due = sinceOpened >= fault.from().toNanos() && sinceOpened < fault.until().toNanos();
            if (due != scriptedOn[i]) {
                scriptedOn[i] = due;
                if (due) {
                    faults.inject(fault.fault(), fault.channel());
                } else {
                    faults.clear(fault.fault(), fault.channel());
                }
                LOG.info("{}: scripted {} on channel {} {}", deviceId, fault.fault(), fault.channel(),
                        due ? "begins" : "ends");
            }
        }
    }

    /** Whether the simulated line is up, so that the device can reach the engine. */
    boolean isLineUp() {
        return lineUp;
    }

    DeviceLink link() {
        return link;
    }

    /** One physics period: line, commands, physics, samples. Runs on the clock's thread. */
    private synchronized void step() {
        if (closed) {
            return;
        }
        long now = clock.nanoTime();
        double dtSeconds = (now - lastStepNanos) / 1e9;
        lastStepNanos = now;
        followScript(now - openedAt);

        if (lineUp && faults.isActive(Fault.DISCONNECT)) {
            loseLine(now, "line lost (simulated DISCONNECT fault)");
        } else if (!lineUp && now - nextAttemptNanos >= 0) {
            attemptReconnect(now);
        }

        boolean deviceVentsItself = !lineUp || commandsStale(now);
        for (int i = 0; i < channels.size(); i++) {
            SimulatedChannel channel = channels.get(i);
            if (deviceVentsItself) {
                channel.vent();
            } else {
                channel.command(link.targetKpa(i), link.vent(i), link.magnetLevel(i));
            }
            channel.step(dtSeconds, faults.isActive(Fault.LEAK, i), faults.isActive(Fault.OVERSHOOT, i),
                    faults.isActive(Fault.SEAL_LOST, i));
        }

        boolean silent = !lineUp || faults.isActive(Fault.SILENCE);
        for (int i = 0; i < channels.size(); i++) {
            // The sensor reads on every step, delivered or not, so a stuck sensor holds what it last showed.
            double reading = channels.get(i).read(
                    faults.isActive(Fault.STUCK_SENSOR, i), faults.isActive(Fault.NAN_SAMPLE, i));
            if (!silent) {
                link.sample(i, reading);
            }
        }
    }

    /** The device's own failsafe: vent while the engine's command sequence stands still. */
    private boolean commandsStale(long now) {
        boolean stale = watchdog.isStale(link.commandSequence(), now);
        if (stale != failsafe) {
            failsafe = stale;
            if (stale) {
                LOG.warn("{}: the engine's commands have not advanced for longer than the quiet time; "
                        + "venting every channel", deviceId);
            } else {
                LOG.info("{}: the engine's commands advance again; following them", deviceId);
            }
        }
        return stale;
    }

    private void loseLine(long now, String why) {
        lineUp = false;
        failedAttempts = 0;
        backOff.reset();
        long delay = backOff.nextDelayNanos();
        nextAttemptNanos = now + delay;
        LOG.warn("{}: {}; the device vents by itself; retrying in {}", deviceId, why, seconds(delay));
        link.connectionChanged(ConnectionState.DISCONNECTED,
                deviceId + ": " + why + "; retrying in " + seconds(delay));
    }

    private void attemptReconnect(long now) {
        int attempt = failedAttempts + 1;
        link.connectionChanged(ConnectionState.CONNECTING, deviceId + ": reconnection attempt " + attempt);
        if (faults.isActive(Fault.DISCONNECT)) {
            failedAttempts = attempt;
            long delay = backOff.nextDelayNanos();
            nextAttemptNanos = now + delay;
            LOG.debug("{}: reconnection attempt {} failed; next in {}", deviceId, attempt, seconds(delay));
            link.connectionChanged(ConnectionState.DISCONNECTED, deviceId + ": reconnection attempt " + attempt
                    + " failed: no answer (simulated DISCONNECT fault); next in " + seconds(delay));
        } else {
            bringLineUp(now, "reconnected after " + attempt + " attempt" + (attempt == 1 ? "" : "s"));
        }
    }

    private void bringLineUp(long now, String what) {
        lineUp = true;
        failsafe = false;
        backOff.reset();
        // Contact is fresh: give the engine a full quiet time to show that its commands advance.
        watchdog.restart(link.commandSequence(), now);
        LOG.info("{}: {}", deviceId, what);
        link.connectionChanged(ConnectionState.CONNECTED, deviceId + ": " + what);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
