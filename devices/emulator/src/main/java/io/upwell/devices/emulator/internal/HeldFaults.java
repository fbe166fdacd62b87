package io.upwell.devices.emulator.internal;

import io.upwell.devices.protocol.Fault;
import io.upwell.devices.protocol.FaultCode;
import io.upwell.devices.protocol.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * The faults a device holds and when each is reported (docs/protocol.md, "Faults"): a FAULT frame may
 * be lost to noise and faults are not acknowledged, so each is sent at least {@value #MIN_REPORTS}
 * times {@link #REPEAT_NANOS} apart, and every {@link #REPEAT_NANOS} for as long as its condition
 * lasts. A fault whose condition has ended and that has been reported enough is forgotten.
 * <p>
 * Not thread-safe: the firmware holds its lock around every call.
 */
final class HeldFaults {
    static final long REPEAT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    static final int MIN_REPORTS = 3;

    private static final class Held {
        final FaultCode code;
        final int channel;
        int detail;
        boolean lasting;
        int reports;
        long nextReportNanos;

        Held(FaultCode code, int channel, int detail, boolean lasting, long now) {
            this.code = code;
            this.channel = channel;
            this.detail = detail;
            this.lasting = lasting;
            this.nextReportNanos = now;
        }

        boolean done() {
            return !lasting && reports >= MIN_REPORTS;
        }
    }

    private final List<Held> held = new ArrayList<>();

    /**
     * A fault, already made safe, to report from now on. One the device holds already (its code and
     * channel) takes the new detail and is reported again from the start.
     *
     * @param lasting true while its condition goes on (until {@link #end}); false for an event that is over
     */
    void raise(FaultCode code, int channel, int detail, boolean lasting, long now) {
        for (Held fault : held) {
            if (fault.code == code && fault.channel == channel) {
                fault.detail = detail;
                fault.lasting |= lasting;
                fault.reports = 0;
                return;
            }
        }
        held.add(new Held(code, channel, detail, lasting, now));
    }

    /** The fault's condition is over: it is reported until it has been reported enough, then forgotten. */
    void end(FaultCode code, int channel) {
        for (Held fault : held) {
            if (fault.code == code && fault.channel == channel) {
                fault.lasting = false;
            }
        }
    }

    /** Whether a device-wide fault lasts: the device then refuses vacuum and magnets. */
    boolean deviceWideLasts() {
        for (Held fault : held) {
            if (fault.lasting && fault.channel == Protocol.ALL_CHANNELS) {
                return true;
            }
        }
        return false;
    }

    /** A HELLO: faults that have ended are forgotten; those that last are reported again from the start. */
    void newConversation() {
        held.removeIf(fault -> !fault.lasting);
        for (Held fault : held) {
            fault.reports = 0;
        }
    }

    /** Sends each report that is due now. */
    void reportDue(long now, MagneticCupsFirmware.Outbox outbox) {
        for (Held fault : held) {
            if (now - fault.nextReportNanos >= 0 && !fault.done()) {
                fault.reports++;
                fault.nextReportNanos = now + REPEAT_NANOS;
                outbox.send(new Fault(fault.code.code(), fault.channel, fault.detail));
            }
        }
        held.removeIf(Held::done);
    }

    /** The faults held, as fault words such as {@code watchdog-vent} or {@code over-pressure@1 (ended)}; empty for none. */
    String describe() {
        StringJoiner text = new StringJoiner(", ");
        for (Held fault : held) {
            text.add(fault.code.name().toLowerCase(Locale.ROOT).replace('_', '-')
                    + (fault.channel == Protocol.ALL_CHANNELS ? "" : "@" + fault.channel) + (fault.lasting ? "" : " (ended)"));
        }
        return text.toString();
    }
}
