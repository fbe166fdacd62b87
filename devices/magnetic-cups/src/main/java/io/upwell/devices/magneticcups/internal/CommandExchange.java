package io.upwell.devices.magneticcups.internal;

import io.upwell.api.device.CommandSet;
import io.upwell.devices.protocol.Ack;
import io.upwell.devices.protocol.DeviceMessage;
import io.upwell.devices.protocol.FrameEncoder;
import io.upwell.devices.protocol.Heartbeat;
import io.upwell.devices.protocol.HostMessage;
import io.upwell.devices.protocol.Nak;
import io.upwell.devices.protocol.NakReason;
import io.upwell.devices.protocol.Sequences;
import io.upwell.devices.protocol.SetPoint;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One exchange of the host's cycle (docs/protocol.md, "Commands" and "Heartbeats"), on the driver
 * thread: a HEARTBEAT with the engine's command sequence, then SET_POINT, VENT and MAGNET for what
 * changed, each matched with its ACK or NAK by the echoed sequence number and type.
 * <p>
 * A command not answered within {@link #ANSWER_TIMEOUT} is sent again with a new sequence number
 * (commands are absolute, so one applied twice does no harm); after {@link #SENDS} sends without an
 * answer the line is taken as lost and the exchange throws, which makes the kit reopen the line and
 * start again with HELLO. A NAK is logged and counted and changes nothing the host believes the device
 * holds, so the command goes again at the next exchange; {@link #REFUSALS_IN_A_ROW} refusals without an
 * acknowledgement between them throw as well: a device that refuses everything is not following the
 * engine, and a new handshake is the one thing the host can try.
 */
final class CommandExchange {
    /** How long the host waits for an answer before sending the command again. */
    static final Duration ANSWER_TIMEOUT = Duration.ofMillis(100);
    /** Sends of one command without an answer before the line is taken as lost. */
    static final int SENDS = 3;
    /** Refusals in a row before the host starts the conversation again. */
    static final int REFUSALS_IN_A_ROW = 5;
    private static final Logger LOG = LoggerFactory.getLogger(CommandExchange.class);

    /** The line as the exchange uses it: the kit's send and awaitReply. */
    interface Wire {
        boolean send(byte[] frame);

        DeviceMessage await(Duration timeout) throws TimeoutException, InterruptedException;
    }

    private final String deviceId;
    private final Wire wire;
    private final HeldCommands held;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();
    private int sequence;
    private int refusalsInARow;
    private String lastRefusal;

    CommandExchange(String deviceId, Wire wire, HeldCommands held) {
        this.deviceId = deviceId;
        this.wire = wire;
        this.held = held;
    }

    /** Sends one frame with the host's next sequence number and returns that number. */
    int send(HostMessage message) {
        int used = sequence;
        sequence = Sequences.next(sequence);
        wire.send(FrameEncoder.encode(used, message));
        return used;
    }

    /** A new conversation (after HELLO): refusals counted so far belong to the old one. */
    void restart() {
        refusalsInARow = 0;
        lastRefusal = null;
    }

    /**
     * The heartbeat and the commands that change something.
     *
     * @throws IOException when a command went unanswered {@value #SENDS} times, or the device refused
     *                     {@value #REFUSALS_IN_A_ROW} in a row
     */
    void exchange(CommandSet commands) throws IOException, InterruptedException {
        send(Heartbeat.of(commands.sequence()));
        List<HostMessage> unanswered = held.plan(commands);
        for (int round = 1; round <= SENDS && !unanswered.isEmpty(); round++) {
            if (round > 1) {
                resent.addAndGet(unanswered.size());
            }
            Map<Long, HostMessage> waiting = new LinkedHashMap<>();
            for (HostMessage command : unanswered) {
                waiting.put(key(send(command), command.type().code()), command);
            }
            if (!collect(waiting)) {
                return; // disconnecting: the frames are queued, and the kit flushes them
            }
            unanswered = new ArrayList<>(waiting.values());
        }
        if (!unanswered.isEmpty()) {
            throw new IOException("the device did not answer " + unanswered.get(0) + " (and " + (unanswered.size() - 1)
                    + " more) after " + SENDS + " sends " + ANSWER_TIMEOUT.toMillis() + " ms apart");
        }
        if (refusalsInARow >= REFUSALS_IN_A_ROW) {
            int count = refusalsInARow;
            refusalsInARow = 0;
            throw new IOException("the device refused " + count + " commands in a row, the last " + lastRefusal);
        }
    }

    /**
     * Takes answers until every command waiting has one or the answer time is over; what stays in
     * {@code waiting} went unanswered. False when the driver is disconnecting meanwhile.
     */
    private boolean collect(Map<Long, HostMessage> waiting) throws InterruptedException {
        long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
        while (!waiting.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            DeviceMessage answer;
            try {
                answer = wire.await(Duration.ofNanos(left));
            } catch (TimeoutException e) {
                return true;
            } catch (CancellationException e) {
                return false;
            }
            if (answer instanceof Ack ack) {
                HostMessage command = waiting.remove(key(ack.commandSequence(), ack.commandType()));
                if (command != null) {
                    held.acknowledged(command);
                    acknowledged.incrementAndGet();
                    refusalsInARow = 0;
                }
            } else if (answer instanceof Nak nak) {
                HostMessage command = waiting.remove(key(nak.commandSequence(), nak.commandType()));
                if (command != null) {
                    refusedBy(command, nak);
                }
            }
            // Anything else (a late HELLO_REPLY, the answer to a command sent before) is not waited for.
        }
        return true;
    }

    private void refusedBy(HostMessage command, Nak nak) {
        refused.incrementAndGet();
        refusalsInARow++;
        NakReason reason = nak.reason();
        String why = reason == NakReason.UNKNOWN ? "reason " + nak.reasonCode() : reason.name();
        if (reason == NakReason.OUT_OF_RANGE && command instanceof SetPoint set) {
            held.vented(set.channel()); // the device vents a channel asked for more than it declared
        }
        String refusal = command + " with " + why;
        if (!refusal.equals(lastRefusal)) {
            LOG.warn("{}: the device refused {}; the engine's monitor judges what the cup then measures", deviceId, refusal);
        } else {
            LOG.debug("{}: the device refused {} again", deviceId, refusal);
        }
        lastRefusal = refusal;
    }

    private static long key(int sequence, int type) {
        return (long) sequence << 8 | type;
    }

    /** What was answered, for the log. */
    String describe() {
        return "commands acknowledged " + acknowledged.get() + ", refused " + refused.get() + ", sent again "
                + resent.get();
    }
}
