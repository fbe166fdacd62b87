package io.upwell.devices.magneticcups.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.devices.kit.serial.LineCounters;
import io.upwell.devices.protocol.Ack;
import io.upwell.devices.protocol.DeviceMessage;
import io.upwell.devices.protocol.Fault;
import io.upwell.devices.protocol.FaultCode;
import io.upwell.devices.protocol.FrameEncoder;
import io.upwell.devices.protocol.MessageType;
import io.upwell.devices.protocol.Protocol;
import io.upwell.devices.protocol.Sample;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The host's receiving side, fed bytes as the line's reader thread would, on a clock the test moves. */
class FrameIntakeTest {
    private final List<String> samples = new ArrayList<>();
    private final List<DeviceMessage> replies = new ArrayList<>();
    private final List<String> faults = new ArrayList<>();
    private final LineCounters counters = new LineCounters();
    private long now;
    private final FrameIntake intake = new FrameIntake(2, new FrameIntake.Sink() {
        @Override
        public void sample(int channel, double kpa) {
            samples.add(channel + "=" + kpa);
        }

        @Override
        public void reply(DeviceMessage message) {
            replies.add(message);
        }

        @Override
        public void fault(Fault fault, boolean isNew) {
            faults.add(fault.kind() + (isNew ? " new" : " repeat"));
        }

        @Override
        public LineCounters counters() {
            return counters;
        }
    }, () -> now);

    private void feed(byte[]... frames) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] frame : frames) {
            bytes.writeBytes(frame);
        }
        intake.feed(bytes.toByteArray(), bytes.size());
    }

    @Test
    void samplesBecomeReadingsAndNoReadingBecomesNaN() {
        feed(FrameEncoder.encode(0, new Sample(new int[] {2000, Sample.NO_READING})));
        assertEquals(List.of("0=20.0", "1=NaN"), samples);
        feed(FrameEncoder.encode(1, new Sample(new int[] {2000, 1, 2})));
        assertEquals(2, samples.size(), "a sample of another shape gives no reading");
        assertEquals(2, counters.frames());
    }

    @Test
    void answersGoToTheDriverThreadAndACorruptedFrameIsCountedNotRead() {
        byte[] corrupted = FrameEncoder.encode(0, new Sample(new int[] {2000, 2000}));
        corrupted[6] ^= 0x10;
        feed(corrupted, FrameEncoder.encode(1, Ack.of(4, MessageType.SET_POINT)));
        assertEquals(List.of(Ack.of(4, MessageType.SET_POINT)), replies, "the good frame after the bad one is found");
        assertTrue(samples.isEmpty());
        assertEquals(1, counters.checksumErrors());
        assertTrue(counters.resyncs() >= 1);
        assertEquals(1, counters.frames());
    }

    @Test
    void aFaultRepeatedByTheDeviceIsNewsOnceUntilItGoesQuiet() {
        Fault watchdog = Fault.of(FaultCode.WATCHDOG_VENT, Protocol.ALL_CHANNELS, 260);
        feed(FrameEncoder.encode(0, watchdog));
        now += TimeUnit.MILLISECONDS.toNanos(500);
        feed(FrameEncoder.encode(1, watchdog));
        now += TimeUnit.MILLISECONDS.toNanos(500);
        feed(FrameEncoder.encode(2, Fault.of(FaultCode.OVER_PRESSURE, 1, 6300)));
        now += TimeUnit.SECONDS.toNanos(5);
        feed(FrameEncoder.encode(3, watchdog));
        assertEquals(List.of("WATCHDOG_VENT new", "WATCHDOG_VENT repeat", "OVER_PRESSURE new", "WATCHDOG_VENT new"), faults);
    }

    @Test
    void anIncompleteFrameIsGivenUpAfterFiftyMillisecondsOfSilence() {
        byte[] ack = FrameEncoder.encode(0, Ack.of(1, MessageType.VENT));
        byte[] stray = {(byte) Protocol.START_OF_FRAME, 20, 0};
        feed(stray, ack); // the stray start byte swallows the ACK while it waits for its 20-byte payload
        assertTrue(replies.isEmpty());
        now += TimeUnit.MILLISECONDS.toNanos(60);
        feed(new byte[0]);
        assertEquals(List.of(Ack.of(1, MessageType.VENT)), replies, "delivered once the line was idle");
    }
}
