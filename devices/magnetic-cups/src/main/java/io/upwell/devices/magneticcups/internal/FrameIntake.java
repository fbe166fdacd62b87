package io.upwell.devices.magneticcups.internal;

import io.upwell.devices.kit.serial.LineCounters;
import io.upwell.devices.protocol.DecoderCounters;
import io.upwell.devices.protocol.DeviceMessage;
import io.upwell.devices.protocol.Fault;
import io.upwell.devices.protocol.FrameDecoder;
import io.upwell.devices.protocol.Message;
import io.upwell.devices.protocol.MessageListener;
import io.upwell.devices.protocol.Rejection;
import io.upwell.devices.protocol.Sample;
import io.upwell.devices.protocol.Sequences;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The host's receiving side, on the line's reader thread: the codec's {@link FrameDecoder} fed with
 * every chunk, each SAMPLE's readings passed on as measurements (a channel without a reading as NaN,
 * which the engine takes as a sensor fault), each answer handed to the driver thread, each new FAULT
 * reported once; everything else counted, in the line's counters as the kit asks (frames, checksum
 * errors, resyncs) and in the protocol's own.
 * <p>
 * The kit calls {@code decode} only when bytes arrive, so the protocol's idle rule (an incomplete frame
 * is given up after 50 ms of silence) is applied when the next chunk comes after such a silence: the
 * frame a stray start byte swallowed is delivered then, ahead of the new bytes.
 */
final class FrameIntake {
    /** Silence after which an incomplete frame will not be completed (docs/protocol.md, "Idle line"). */
    static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** Where what the frames say goes. */
    interface Sink {
        void sample(int channel, double kpa);

        void reply(DeviceMessage message);

        /** A FAULT frame; {@code isNew} false for a repeat of a fault already reported. */
        void fault(Fault fault, boolean isNew);

        /** The line's counters, where frames, checksum errors and resyncs are counted. */
        LineCounters counters();
    }

    private final int channels;
    private final Sink sink;
    private final LongSupplier nanoTime;
    private final FaultReports faultReports = new FaultReports();
    private final AtomicLong framesMissed = new AtomicLong();
    private final AtomicLong samplesMalformed = new AtomicLong();
    private final AtomicLong faultFrames = new AtomicLong();
    private FrameDecoder decoder;
    private DecoderCounters counted;
    private long lastChunkNanos;
    private int lastSequence = -1;

    FrameIntake(int channels, Sink sink, LongSupplier nanoTime) {
        this.channels = channels;
        this.sink = sink;
        this.nanoTime = nanoTime;
        lineOpened();
    }

    /** A new opening of the line: a half-read frame, the last frame's number and the faults heard belong to the old one. */
    void lineOpened() {
        decoder = new FrameDecoder(new MessageListener() {
            @Override
            public void onMessage(int sequence, Message message) {
                take(sequence, message);
            }

            @Override
            public void onRejected(int sequence, int typeCode, Rejection rejection) {
                // Counted by the decoder; a host ignores it (docs/protocol.md, "Versions"). Its number is trustworthy.
                follow(sequence);
            }
        });
        counted = decoder.counters();
        lastSequence = -1;
        faultReports.forget();
    }

    /** A chunk of bytes from the line. */
    void feed(byte[] buffer, int length) {
        long now = nanoTime.getAsLong();
        if (counted.pendingBytes() > 0 && now - lastChunkNanos > IDLE_NANOS) {
            decoder.lineIdle();
        }
        lastChunkNanos = now;
        decoder.feed(buffer, 0, length);
        count();
    }

    /**
     * Counts the frames lost between this intact frame and the one before: the device numbers every
     * frame it sends, of every type, so a gap is frames of any kind that never arrived whole.
     */
    private void follow(int sequence) {
        if (lastSequence >= 0) {
            framesMissed.addAndGet(Sequences.missedBetween(lastSequence, sequence));
        }
        lastSequence = sequence;
    }

    private void take(int sequence, Message message) {
        follow(sequence);
        if (message instanceof Sample sample) {
            if (sample.channelCount() != channels) {
                samplesMalformed.incrementAndGet(); // not this device's shape: no reading can be trusted
                return;
            }
            for (int ch = 0; ch < channels; ch++) {
                sink.sample(ch, sample.kpa(ch));
            }
        } else if (message instanceof Fault fault) {
            faultFrames.incrementAndGet();
            sink.fault(fault, faultReports.isNew(fault, nanoTime.getAsLong()));
        } else if (message instanceof DeviceMessage answer) {
            sink.reply(answer);
        }
        // A host message coming back (an echoing line) is no answer: ignored.
    }

    /** Adds what the decoder counted since the last call to the line's counters. */
    private void count() {
        DecoderCounters now = decoder.counters();
        LineCounters line = sink.counters();
        long frames = intact(now) - intact(counted);
        for (long i = 0; i < frames; i++) {
            line.countFrame();
        }
        for (long i = now.checksumErrors() - counted.checksumErrors(); i > 0; i--) {
            line.countChecksumError();
        }
        for (long i = now.resyncs() - counted.resyncs(); i > 0; i--) {
            line.countResync();
        }
        counted = now;
    }

    private static long intact(DecoderCounters counters) {
        return counters.messages() + counters.unknownTypes() + counters.malformedPayloads();
    }

    /** The protocol's own counts, for the log. */
    String describe() {
        return "frames missed " + framesMissed.get() + ", samples of the wrong shape " + samplesMalformed.get()
                + ", fault frames " + faultFrames.get();
    }
}
