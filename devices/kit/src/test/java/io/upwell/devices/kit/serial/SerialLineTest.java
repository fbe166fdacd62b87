package io.upwell.devices.kit.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.devices.conformance.pty.PseudoTerminalPair;
import io.upwell.devices.kit.testing.Await;
import io.upwell.devices.kit.testing.PtyPeer;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The serial line over real pseudo-terminal pairs made by socat. */
@Timeout(120) // only against a hang; every wait below is an awaited condition
class SerialLineTest {
    /** Short back-off, so that the reconnection tests do not wait long; the rules are the same. */
    private static final LineOptions QUICK = LineOptions.defaults().withBackOff(Duration.ofMillis(20), Duration.ofMillis(160));

    @TempDir
    Path dir;

    @Test
    void bytesTravelBothWays() {
        Recorder recorder = new Recorder();
        try (PseudoTerminalPair cable = PseudoTerminalPair.start(dir); SerialLine line = started(cable.hostEnd(), QUICK, recorder);
                PtyPeer peer = PtyPeer.open(cable.deviceEnd())) {
            awaitOpen(line, recorder);

            assertTrue(line.send("ping".getBytes(StandardCharsets.US_ASCII)));
            Await.until("the far end reads ping", () -> peer.receivedText().equals("ping"), peer::receivedText);
            peer.write("pong");
            Await.until("the line reads pong", () -> recorder.text().equals("pong"), recorder::toString);

            Await.until("4 bytes counted sent", () -> line.counters().bytesSent() == 4, line.counters()::toString);
            assertEquals(4, line.counters().bytesReceived());
            assertEquals(1, line.counters().opens());
            assertEquals(cable.hostNode(), line.device());
        }
    }

    @Test
    void everyByteArrivesInOrderWhateverTheChunks() {
        byte[] data = new byte[200_000];
        new Random(7).nextBytes(data);
        Recorder recorder = new Recorder();
        try (PseudoTerminalPair cable = PseudoTerminalPair.start(dir); SerialLine line = started(cable.hostEnd(), QUICK, recorder);
                PtyPeer peer = PtyPeer.open(cable.deviceEnd())) {
            awaitOpen(line, recorder);

            Random sizes = new Random(11);
            for (int offset = 0; offset < data.length; ) {
                int size = Math.min(1 + sizes.nextInt(777), data.length - offset);
                peer.write(java.util.Arrays.copyOfRange(data, offset, offset + size));
                offset += size;
            }

            Await.until("all " + data.length + " bytes read", () -> recorder.bytes().length >= data.length,
                    () -> recorder.bytes().length + " bytes read");
            assertArrayEquals(data, recorder.bytes());
            assertTrue(recorder.chunks() > 1, "delivered in several chunks: " + recorder.chunks());
            assertEquals(data.length, line.counters().bytesReceived());
        }
    }

    @Test
    void aWriteNeverWaitsForADeviceThatReadsNothing() {
        Recorder recorder = new Recorder();
        byte[] frame = new byte[4096];
        int frames = 1000; // 4 MB: far more than the terminals and socat can hold
        try (PseudoTerminalPair cable = PseudoTerminalPair.start(dir);
                SerialLine line = started(cable.hostEnd(), QUICK.withWriteQueueFrames(8), recorder)) {
            awaitOpen(line, recorder);

            // Nobody reads the far end: once its buffers are full the writer thread waits in a write,
            // the queue fills, and every further write is dropped at once. Were send to wait, this
            // loop would never end (and the test's timeout would fail it).
            int accepted = 0;
            int refused = 0;
            for (int i = 0; i < frames; i++) {
                if (line.send(frame)) {
                    accepted++;
                } else {
                    refused++;
                }
            }

            assertEquals(frames, accepted + refused);
            assertTrue(refused > 0, "a full queue refuses writes; accepted " + accepted);
            assertTrue(line.counters().droppedWrites() >= refused, line.counters().toString());
            assertTrue(line.counters().bytesSent() < (long) frames * frame.length, line.counters().toString());
        }
    }

    /**
     * What the device sent while the line was closed (between a loss and the next attempt) answers nobody
     * now: a driver would take an earlier handshake's reply, or the report of a fault raised meanwhile,
     * for news. It is discarded when the line opens again.
     */
    @Test
    void bytesSentBeforeTheLineOpenedAreDiscarded() {
        Recorder recorder = new Recorder();
        try (PseudoTerminalPair cable = PseudoTerminalPair.start(dir); PtyPeer peer = PtyPeer.open(cable.deviceEnd())) {
            try (SerialLine before = started(cable.hostEnd(), QUICK, new Recorder())) {
                awaitOpen(before, recorder);
            }
            peer.write("stale");
            // socat relays it to the other terminal at once, where it waits: opening the line takes far longer.
            try (SerialLine line = started(cable.hostEnd(), QUICK, recorder)) {
                awaitOpen(line, recorder);
                peer.write("fresh");
                Await.until("the line reads what came after it opened", () -> recorder.text().contains("fresh"),
                        recorder::toString);
                assertEquals("fresh", recorder.text());
            }
        }
    }

    @Test
    void socatEndingIsALossNamingThePath() {
        Recorder recorder = new Recorder();
        try (PseudoTerminalPair cable = PseudoTerminalPair.start(dir); SerialLine line = started(cable.hostEnd(), QUICK, recorder)) {
            awaitOpen(line, recorder);

            cable.unplug();

            Await.until("the line reported DOWN", () -> recorder.count(LineState.DOWN) > 0, recorder::toString);
            String reason = recorder.reasons(LineState.DOWN).get(0);
            assertTrue(reason.startsWith("lost " + cable.hostEnd()), reason);
            assertTrue(reason.contains("next attempt in 20 ms"), reason);
            assertEquals(1, line.counters().losses());
            assertEquals(null, line.device());
        }
    }

    @Test
    void aRestartedSocatIsFoundAgainThroughItsLinkAfterBackingOff() throws Exception {
        Recorder recorder = new Recorder();
        try (PseudoTerminalPair cable = PseudoTerminalPair.start(dir); SerialLine line = started(cable.hostEnd(), QUICK, recorder)) {
            awaitOpen(line, recorder);
            String firstNode = line.device();

            // Holding the old node open keeps its number taken, so the new pair is surely another node:
            // a line that kept the old handle instead of resolving the link again would not find it.
            try (RandomAccessFile holdOldNode = new RandomAccessFile(firstNode, "rw")) {
                cable.unplug();
                Await.until("four failed attempts while socat is away", () -> recorder.count(LineState.DOWN) >= 5,
                        recorder::toString);
                cable.replug();
                Await.until("the line open again", () -> recorder.count(LineState.OPEN) == 2, recorder::toString);
            }

            assertEquals(cable.hostNode(), line.device());
            assertNotEquals(firstNode, line.device(), "the link now leads to a new node, and the line followed it");
            List<String> downs = recorder.reasons(LineState.DOWN);
            for (String attempt : downs.subList(1, downs.size())) {
                assertTrue(attempt.contains(cable.hostEnd().toString()), "a failed attempt names the path: " + attempt);
            }
            assertEquals(List.of(20L, 40L, 80L, 160L, 160L), delays(downs).subList(0, 5),
                    "the back-off doubles from 20 ms to its cap: " + downs);
            assertEquals(2, line.counters().opens());
            assertEquals(1, line.counters().losses());

            try (PtyPeer peer = PtyPeer.open(cable.deviceEnd())) {
                assertTrue(line.send("again".getBytes(StandardCharsets.US_ASCII)));
                Await.until("the new far end reads again", () -> peer.receivedText().equals("again"), peer::receivedText);
            }
        }
    }

    @Test
    void restartClosesAndReopensWithTheReasonGiven() {
        Recorder recorder = new Recorder();
        try (PseudoTerminalPair cable = PseudoTerminalPair.start(dir); SerialLine line = started(cable.hostEnd(), QUICK, recorder)) {
            awaitOpen(line, recorder);

            line.restart("the device answered nonsense");

            Await.until("open again", () -> recorder.count(LineState.OPEN) == 2, recorder::toString);
            assertEquals("the device answered nonsense; next attempt in 20 ms", recorder.reasons(LineState.DOWN).get(0));
            assertEquals(1, line.counters().losses());
        }
    }

    @Test
    void aMissingPathIsReportedNamingItAndTriedAgain() {
        Path missing = dir.resolve("ttyNOTHERE");
        Recorder recorder = new Recorder();
        try (SerialLine line = started(missing, QUICK, recorder)) {
            Await.until("two failed attempts", () -> recorder.count(LineState.DOWN) >= 2, recorder::toString);

            assertEquals("no serial port at " + missing + ": the path does not exist (is the device plugged in, or the "
                    + "program that makes the pseudo-terminal running?); next attempt in 20 ms",
                    recorder.reasons(LineState.DOWN).get(0));
            assertFalse(line.send(new byte[] {1}), "nothing is sent while the line is down");
            assertEquals(1, line.counters().droppedWrites());
            assertEquals(0, line.counters().opens());
        }
    }

    @Test
    void aLineClosedBeforeItStartedSaysSo() {
        Recorder recorder = new Recorder();
        SerialLine line = new SerialLine("never", SerialSettings.of(dir.resolve("x").toString(), 9600), QUICK, recorder);
        line.close();
        assertEquals(List.of(new Recorder.Change(LineState.CLOSED, "closed before it was started")), recorder.changes());
        line.close(); // idempotent
        assertEquals(1, recorder.changes().size());
    }

    private static SerialLine started(Path path, LineOptions options, Recorder recorder) {
        SerialLine line = new SerialLine("test", SerialSettings.of(path.toString(), 115200), options, recorder);
        line.start();
        return line;
    }

    private static void awaitOpen(SerialLine line, Recorder recorder) {
        Await.until("the line open", () -> line.state() == LineState.OPEN, recorder::toString);
    }

    private static List<Long> delays(List<String> reasons) {
        Pattern delay = Pattern.compile("next attempt in (\\d+) ms$");
        List<Long> delays = new ArrayList<>();
        for (String reason : reasons) {
            Matcher m = delay.matcher(reason);
            if (m.find()) {
                delays.add(Long.parseLong(m.group(1)));
            }
        }
        return delays;
    }
}
