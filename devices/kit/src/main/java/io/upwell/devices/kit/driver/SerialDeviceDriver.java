package io.upwell.devices.kit.driver;

import io.upwell.api.device.CommandSet;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceDriver;
import io.upwell.api.device.DeviceLink;
import io.upwell.devices.kit.serial.LineCounters;
import io.upwell.devices.kit.serial.SerialSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A device driver on a serial line, less its protocol: a vendor extends it with three methods and
 * registers the result as a {@link DeviceDriver} service.
 * <p>
 * <b>The hooks.</b>
 * <ul>
 * <li>{@link #decode}: bytes from the device, on the line's reader thread. Assemble frames, count them
 * in {@link #counters()}, and hand on what they say: a measurement with {@link #sample}, an answer the
 * handshake or an exchange waits for with {@link #reply}, the device's own stop button with
 * {@link #emergencyStop}.</li>
 * <li>{@link #negotiate}: after every opening of the line, on the driver thread. Talk the device into
 * the conversation (remote mode, units) with {@link #send} and {@link #awaitReply}, and return who it
 * says it is. A device whose identity differs from the {@linkplain #descriptor() descriptor} is
 * refused: it never becomes CONNECTED.</li>
 * <li>{@link #exchange}: every poll period while connected, on the driver thread: send the commands
 * (and, for a device that answers only when asked, poll its measurements).</li>
 * </ul>
 * A decoder that keeps a half-read frame between chunks also overrides {@link #lineOpened} to forget
 * it when the line is reopened.
 * Everything else is the base's: the threads, opening the line by path, the back-off, the first
 * vent, the failsafe, the quiet time and every report to the engine.
 * <p>
 * <b>What the base guarantees.</b> The first command after every (re)connection is vent on every
 * channel, whatever the link says; only then is the device CONNECTED, and from then on it does what
 * the link says: the base resumes nothing by itself. While the link's command sequence stands still
 * for longer than the quiet time (the engine has stopped), {@code exchange} is handed vent on every
 * channel. A device that says nothing (no sample, no reply) for longer than its quiet time is reported
 * DISCONNECTED, and the line is reopened and negotiated again after the back-off; so is a handshake
 * or an exchange that throws. Samples reach the engine only while CONNECTED. {@code disconnect} hands
 * {@code exchange} a last vent and waits briefly for it to be written. The control loop waits on
 * none of this (SR-12): it only reads and writes the link.
 * <p>
 * <b>Quiet time.</b> The descriptor's, but never less than 100 ms, the engine's own floor. The poll
 * period must be shorter.
 *
 * @param <R> what the decoder hands the driver thread as an answer: a decoded frame, a line of text
 */
@ConsumerType
public abstract class SerialDeviceDriver<R> implements DeviceDriver {
    private final DeviceDescriptor descriptor;
    private final SerialSettings serial;
    private final DriverOptions options;
    private final AtomicReference<Conversation<R>> conversation = new AtomicReference<>();
    private volatile AnswerWatcher<? super R> answerWatcher;
    /** The frame sent last and when, kept only while an answer watcher is set. */
    private volatile SentFrame lastSent;

    private record SentFrame(byte[] frame, long nanos) {
    }

    /**
     * @param descriptor the device this driver drives; the handshake's identity must match it
     * @param serial     where the device is and how its line is framed
     * @param options    the device's pace and the line's back-off
     * @throws IllegalArgumentException when the poll period is not shorter than the quiet time
     */
    protected SerialDeviceDriver(DeviceDescriptor descriptor, SerialSettings serial, DriverOptions options) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.serial = Objects.requireNonNull(serial, "serial");
        this.options = Objects.requireNonNull(options, "options");
        Duration quiet = Conversation.quietTime(descriptor);
        if (options.pollPeriod().compareTo(quiet) >= 0) {
            throw new IllegalArgumentException("device " + descriptor.id() + ": the poll period ("
                    + options.pollPeriod().toMillis() + " ms) must be shorter than the quiet time ("
                    + quiet.toMillis() + " ms), or a device that answers only when asked would look silent");
        }
    }

    // ---- the protocol: what a vendor writes ----

    /**
     * Bytes from the device, {@code buffer[0 .. length-1]}, in chunks of any size, on the line's
     * reader thread; the buffer is reused after the call. Must not block.
     */
    protected abstract void decode(byte[] buffer, int length);

    /**
     * The handshake, after every opening of the line, on the driver thread, before any command is
     * sent. The device's answers arrive through {@link #reply} from {@link #decode}.
     *
     * @return who the device says it is
     * @throws Exception when the device does not answer or answers nonsense: the line is reopened after
     *                   the back-off and the handshake tried again
     */
    protected abstract DeviceIdentity negotiate() throws Exception;

    /**
     * One tick's commands for the device, every poll period while connected, on the driver thread:
     * write them with {@link #send}. The set is vent on every channel the first time after each
     * connection, while the engine's commands stand still, and once more when the engine disconnects.
     *
     * @throws Exception when the device cannot be talked to: the line is reopened after the back-off
     */
    protected abstract void exchange(CommandSet commands) throws Exception;

    /**
     * The line was opened again (or for the first time): forget any half-decoded frame, which belongs
     * to an opening that is gone. Called on the line's reader thread before the new opening's first
     * bytes reach {@link #decode}, so decoder state needs no locking. Does nothing unless overridden.
     */
    protected void lineOpened() {
    }

    // ---- what the protocol may call ----

    /**
     * Queues bytes for the device without waiting (see {@link io.upwell.devices.kit.serial.SerialLine#send}).
     *
     * @return false when they were dropped: not connected, or the line's queue is full
     */
    protected final boolean send(byte[] bytes) {
        Conversation<R> current = conversation.get();
        if (answerWatcher != null) {
            lastSent = new SentFrame(bytes.clone(), System.nanoTime()); // a copy: the caller may reuse its array
        }
        return current != null && current.send(bytes);
    }

    /** From {@link #decode}: an answer for {@link #awaitReply}. It also counts as hearing from the device. */
    protected final void reply(R reply) {
        Objects.requireNonNull(reply, "reply");
        AnswerWatcher<? super R> watcher = answerWatcher;
        SentFrame sent = lastSent;
        if (watcher != null && sent != null) {
            watcher.answered(sent.frame(), reply, System.nanoTime() - sent.nanos());
        }
        Conversation<R> current = conversation.get();
        if (current != null) {
            current.reply(reply);
        }
    }

    /**
     * The next answer {@link #decode} handed over, waiting at most {@code timeout}; answers from
     * before the line's current opening are gone.
     *
     * @throws TimeoutException      when none came in time (the message names the device and the path)
     * @throws CancellationException when the engine disconnects the driver meanwhile
     */
    protected final R awaitReply(Duration timeout) throws TimeoutException, InterruptedException {
        Conversation<R> current = conversation.get();
        if (current == null) {
            throw new CancellationException(descriptor.id() + " is not connected");
        }
        R reply = current.awaitReply(timeout.toNanos());
        if (reply != null) {
            return reply;
        }
        if (current.isClosing()) {
            throw new CancellationException(descriptor.id() + " is disconnecting");
        }
        throw new TimeoutException(descriptor.id() + ": no answer from the device on " + serial.path() + " within "
                + timeout.toMillis() + " ms");
    }

    // ---- for measuring ----

    /**
     * From now on, tells {@code watcher} of every answer with the frame sent last before it and the time
     * between them (see {@link AnswerWatcher}); null stops it. Costs nothing while none is set.
     */
    public final void watchAnswers(AnswerWatcher<? super R> watcher) {
        lastSent = null;
        answerWatcher = watcher;
    }

    /**
     * From {@link #decode} (or {@link #exchange}): a measurement, in kPa below ambient. Reaches the
     * engine only while connected; it always counts as hearing from the device.
     */
    protected final void sample(int channel, double measuredKpa) {
        Conversation<R> current = conversation.get();
        if (current != null) {
            current.sample(channel, measuredKpa);
        }
    }

    /** The device's own emergency-stop button was pressed: the engine vents everything and latches. */
    protected final void emergencyStop(String source) {
        Conversation<R> current = conversation.get();
        if (current != null) {
            current.emergencyStop(source);
        }
    }

    /**
     * The line's counters, where the decoder counts frames, checksum errors and resyncs; a fresh,
     * unattached set while not connected.
     */
    protected final LineCounters counters() {
        Conversation<R> current = conversation.get();
        return current == null ? new LineCounters() : current.line().counters();
    }

    // ---- the DeviceDriver the engine sees ----

    @Override
    public final DeviceDescriptor descriptor() {
        return descriptor;
    }

    public final SerialSettings serialSettings() {
        return serial;
    }

    public final DriverOptions options() {
        return options;
    }

    /**
     * Starts the line and the driver thread and returns at once: opening, handshake and the rest
     * happen on them and are reported through the link. A path that is missing now is no error here:
     * it is reported as DISCONNECTED, naming the path, and tried again with back-off.
     *
     * @throws IllegalStateException when already connected
     */
    @Override
    public final void connect(DeviceLink link) {
        Objects.requireNonNull(link, "link");
        Conversation<R> opened = new Conversation<>(this, link);
        if (!conversation.compareAndSet(null, opened)) {
            throw new IllegalStateException(descriptor.id() + " is already connected; disconnect it first");
        }
        opened.start();
    }

    /** Vents, stops the threads and closes the line; idempotent. */
    @Override
    public final void disconnect() {
        Conversation<R> current = conversation.get();
        if (current != null) {
            current.close();
            conversation.compareAndSet(current, null);
        }
    }
}
