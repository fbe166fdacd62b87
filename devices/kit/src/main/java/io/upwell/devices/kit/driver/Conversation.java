package io.upwell.devices.kit.driver;

import io.upwell.api.device.CommandSet;
import io.upwell.api.device.ConnectionState;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceLink;
import io.upwell.api.time.Clock;
import io.upwell.devices.kit.CommandWatchdog;
import io.upwell.devices.kit.serial.LineListener;
import io.upwell.devices.kit.serial.LineState;
import io.upwell.devices.kit.serial.SerialLine;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection of a {@link SerialDeviceDriver} to an engine, from {@code connect} to
 * {@code disconnect}: the serial line, and the driver thread that negotiates, paces the exchanges,
 * keeps the failsafe and the quiet time, and reports the connection.
 * <p>
 * The line's state changes arrive as events on a queue and are handled on the driver thread, in
 * order, between exchanges; so every connection report comes from that one thread and a CONNECTED
 * can never overtake the DISCONNECTED of a line lost meanwhile. The bytes the line reads go straight
 * to the protocol's decoder on the line's reader thread.
 * <p>
 * Two clocks, each for its job: the engine's clock ({@link DeviceLink#clock()}) for the failsafe and
 * the quiet time, since the engine stamps samples and advances commands on it; the system's for the
 * device's pace, which is physical.
 */
final class Conversation<R> implements LineListener {
    private static final Logger LOG = LoggerFactory.getLogger(Conversation.class);
    /** The shortest quiet time the driver watches, the engine's own floor (SR-08). */
    static final Duration MIN_QUIET_TIME = Duration.ofMillis(100);
    /** How long the last vent may take to be written when the engine disconnects. */
    private static final Duration LAST_VENT_FLUSH = Duration.ofMillis(250);
    /**
     * How long {@link #close} waits for the driver thread before interrupting it, and then again: twice
     * this and the line's own close stay near the engine's deadline for {@code disconnect} (2 s).
     */
    private static final long END_WAIT_MILLIS = 600;
    private static final LineEvent CLOSE = new LineEvent(null, "closing");

    private record LineEvent(LineState state, String reason) {
    }

    private enum Phase {
        /** The line is not open, or the device has not passed its handshake. */
        WAITING,
        /** Negotiated and connected: exchanges run at the poll period. */
        RUNNING
    }

    private final SerialDeviceDriver<R> driver;
    private final DeviceLink link;
    private final Clock clock;
    private final DeviceDescriptor descriptor;
    private final String id;
    private final SerialLine line;
    private final BlockingQueue<LineEvent> events = new LinkedBlockingQueue<>();
    private final Replies<R> replies = new Replies<>();
    private final CommandSet commands;
    private final CommandWatchdog watchdog;
    private final long quietNanos;
    private final long pollNanos;
    private final Thread thread;
    private volatile boolean closing;
    private volatile boolean forwarding;
    private volatile long lastHeardNanos;
    private Phase phase = Phase.WAITING;
    private boolean failsafe;
    private long nextExchangeNanos;
    private ConnectionState reported;

    Conversation(SerialDeviceDriver<R> driver, DeviceLink link) {
        this.driver = driver;
        this.link = link;
        this.clock = link.clock();
        this.descriptor = driver.descriptor();
        this.id = descriptor.id();
        this.commands = new CommandSet(descriptor.channelCount());
        this.quietNanos = quietTime(descriptor).toNanos();
        this.watchdog = new CommandWatchdog(quietNanos);
        this.pollNanos = driver.options().pollPeriod().toNanos();
        this.line = new SerialLine(id, driver.serialSettings(), driver.options().line(), this);
        this.thread = new Thread(this::run, id + "-driver");
        this.thread.setDaemon(true);
    }

    /** The quiet time the driver watches: the device's own, but never below the engine's floor. */
    static Duration quietTime(DeviceDescriptor descriptor) {
        return descriptor.quietTime().compareTo(MIN_QUIET_TIME) < 0 ? MIN_QUIET_TIME : descriptor.quietTime();
    }

    void start() {
        thread.start();
        line.start();
    }

    /**
     * Vents, stops the threads and closes the line. Waits for the driver thread to vent and end; one
     * stuck in a protocol hook is interrupted after 0.6 s, and left behind after another 0.6 s.
     */
    void close() {
        closing = true;
        events.offer(CLOSE);
        if (Thread.currentThread() == thread) {
            return; // a hook disconnected its own driver: the loop ends after it returns
        }
        join();
        if (thread.isAlive()) {
            thread.interrupt();
            join();
        }
        if (thread.isAlive()) {
            LOG.error("{}: the driver thread is stuck in a protocol hook; closing the line without it", id);
            line.close();
            report(ConnectionState.DISCONNECTED, id + ": disconnected by the engine (the protocol did not answer)");
        }
    }

    // ---- what the protocol calls, through SerialDeviceDriver ----

    boolean send(byte[] bytes) {
        return line.send(bytes);
    }

    SerialLine line() {
        return line;
    }

    void sample(int channel, double kpa) {
        lastHeardNanos = clock.nanoTime();
        if (forwarding) {
            link.sample(channel, kpa);
        }
    }

    void reply(R reply) {
        lastHeardNanos = clock.nanoTime();
        replies.offer(reply);
    }

    R awaitReply(long timeoutNanos) throws InterruptedException {
        return replies.await(timeoutNanos, () -> closing);
    }

    boolean isClosing() {
        return closing;
    }

    void emergencyStop(String source) {
        link.emergencyStop(source);
    }

    // ---- LineListener, on the line's reader thread ----

    @Override
    public void stateChanged(LineState state, String reason) {
        if (state == LineState.DOWN) {
            forwarding = false; // at once: nothing read from now on belongs to a connected device
        }
        try {
            if (state == LineState.OPEN) {
                // Here, before the opening's first bytes reach decode: what came before belongs to a gone opening.
                replies.clear();
                driver.lineOpened();
            }
        } finally {
            events.offer(new LineEvent(state, reason));
        }
    }

    @Override
    public void received(byte[] buffer, int length) {
        driver.decode(buffer, length);
    }

    // ---- the driver thread ----

    private void run() {
        try {
            while (!closing) {
                LineEvent event = phase == Phase.RUNNING
                        ? events.poll(Math.max(0, nextExchangeNanos - System.nanoTime()), TimeUnit.NANOSECONDS)
                        : events.take();
                if (closing) {
                    break;
                }
                if (event != null) {
                    handle(event);
                }
                if (phase == Phase.RUNNING && System.nanoTime() - nextExchangeNanos >= 0) {
                    exchange();
                }
            }
        } catch (InterruptedException e) {
            // disconnecting; finish below
        } catch (RuntimeException | Error e) {
            LOG.error("{}: the driver thread failed; venting and closing the line", id, e);
        } finally {
            finish();
        }
    }

    private void handle(LineEvent event) throws InterruptedException {
        switch (event.state()) {
            case OPENING:
                report(ConnectionState.CONNECTING, id + ": " + event.reason());
                break;
            case OPEN:
                negotiate(event.reason());
                break;
            case DOWN:
                phase = Phase.WAITING;
                forwarding = false;
                report(ConnectionState.DISCONNECTED, id + ": " + event.reason());
                break;
            default:
                break;
        }
    }

    /** The handshake, the identity check, the first vent, then CONNECTED. */
    private void negotiate(String openReason) throws InterruptedException {
        report(ConnectionState.NEGOTIATING, id + ": line " + openReason + "; negotiating");
        DeviceIdentity identity;
        try {
            identity = driver.negotiate();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            if (!closing) {
                drop("the handshake failed: " + describe(e));
            }
            return;
        }
        if (identity == null) {
            drop("the handshake failed: the protocol gave no identity");
            return;
        }
        String mismatch = IdentityCheck.mismatch(descriptor, identity);
        if (mismatch != null) {
            drop("refused the device on " + line.device() + ": " + mismatch);
            return;
        }
        // Whatever the device did before, and whatever the link says now, the first command is vent.
        readCommands();
        long sequence = commands.sequence();
        commands.ventAll();
        try {
            driver.exchange(commands);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            drop("the first vent failed: " + describe(e));
            return;
        }
        if (!events.isEmpty() || line.state() != LineState.OPEN) {
            return; // the line changed meanwhile; its events, handled next, say how
        }
        long now = clock.nanoTime();
        watchdog.restart(sequence, now); // a fresh connection gives the engine a full quiet time
        lastHeardNanos = now;
        failsafe = false;
        phase = Phase.RUNNING;
        nextExchangeNanos = System.nanoTime() + pollNanos;
        String firmware = identity.firmware().isEmpty() ? "" : ", firmware " + identity.firmware();
        report(ConnectionState.CONNECTED, id + ": connected to " + identity.model() + firmware + " on "
                + line.device());
        forwarding = true;
    }

    /** One exchange at the device's pace: read the commands, apply the failsafe and the quiet time, hand them on. */
    private void exchange() throws InterruptedException {
        long due = nextExchangeNanos + pollNanos;
        long nowSystem = System.nanoTime();
        nextExchangeNanos = due - nowSystem > 0 ? due : nowSystem + pollNanos; // late: do not catch up in a burst
        readCommands();
        long now = clock.nanoTime();
        if (watchdog.isStale(commands.sequence(), now)) {
            commands.ventAll();
            if (!failsafe) {
                failsafe = true;
                LOG.warn("{}: the engine's commands have not advanced for longer than the quiet time ({} ms); "
                        + "venting every channel by itself", id, TimeUnit.NANOSECONDS.toMillis(quietNanos));
            }
        } else if (failsafe) {
            failsafe = false;
            LOG.info("{}: the engine's commands advance again; following them", id);
        }
        long silentNanos = now - lastHeardNanos;
        if (silentNanos > quietNanos) {
            String why = "the device on " + line.device() + " said nothing for "
                    + TimeUnit.NANOSECONDS.toMillis(silentNanos) + " ms, longer than its quiet time of "
                    + TimeUnit.NANOSECONDS.toMillis(quietNanos) + " ms";
            drop(why); // the line logs it with the reason, and reopens

            return;
        }
        try {
            driver.exchange(commands);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            drop("the exchange failed: " + describe(e));
        }
    }

    /**
     * Reads one tick's commands for every channel into {@link #commands}: the one place the link's
     * commands are read, one consistent set per tick ({@link DeviceLink#readCommands}).
     */
    private void readCommands() {
        link.readCommands(commands);
    }

    /**
     * Leaves the conversation with this opening of the line: the line closes the port, reports DOWN
     * with the reason (handled as DISCONNECTED) and opens again after its back-off.
     */
    private void drop(String reason) {
        phase = Phase.WAITING;
        forwarding = false;
        line.restart(reason);
    }

    /** The end of the driver thread: the last vent, the line closed, DISCONNECTED. */
    private void finish() {
        forwarding = false;
        if (phase == Phase.RUNNING) {
            Thread.interrupted(); // an interrupt that ended the loop must not also cancel the last vent
            commands.ventAll();
            try {
                driver.exchange(commands);
                line.flush(LAST_VENT_FLUSH);
            } catch (Exception e) {
                LOG.warn("{}: the last vent before disconnecting may not have reached the device: {}", id,
                        describe(e));
            }
        }
        phase = Phase.WAITING;
        line.close();
        LOG.info("{}: disconnected ({})", id, line.counters());
        report(ConnectionState.DISCONNECTED, id + ": disconnected by the engine");
    }

    /** Tells the engine; from the driver thread only (and from {@link #close} once that thread is gone). */
    private synchronized void report(ConnectionState state, String reason) {
        if (state == ConnectionState.DISCONNECTED && (reported == null || reported == ConnectionState.DISCONNECTED)
                && closing) {
            return; // the engine's own disconnect of a device that was not connected: nothing to tell
        }
        reported = state;
        if (state == ConnectionState.CONNECTED) {
            LOG.info(reason);
        } else {
            LOG.debug(reason);
        }
        link.connectionChanged(state, reason);
    }

    private void join() {
        try {
            thread.join(END_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
