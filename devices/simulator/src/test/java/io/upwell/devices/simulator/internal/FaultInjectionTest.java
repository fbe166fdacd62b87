package io.upwell.devices.simulator.internal;

import static io.upwell.api.device.ConnectionState.CONNECTED;
import static io.upwell.api.device.ConnectionState.CONNECTING;
import static io.upwell.api.device.ConnectionState.DISCONNECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.ConnectionState;
import io.upwell.devices.simulator.Fault;
import io.upwell.engine.testkit.ManualClock;
import io.upwell.engine.testkit.RecordingLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Each fault, injected into a connected device that holds vacuum on every channel. */
class FaultInjectionTest {
    private final ManualClock clock = new ManualClock();
    private final SimulatorDriver driver = new SimulatorDriver(SimulatorSettings.defaults());
    private final RecordingLink link = new RecordingLink(clock, 4);

    @BeforeEach
    void holdFortyKpaOnEveryChannel() {
        link.startEngineTicks();
        driver.connect(link);
        for (int channel = 0; channel < 4; channel++) {
            link.commandHold(channel, 40);
        }
        run(Duration.ofSeconds(6));
    }

    private void run(Duration duration) {
        clock.advance(duration);
    }

    private int samplesSoFar() {
        return link.sampleCount();
    }

    @Test
    void aLeakKeepsOneChannelBelowItsTarget() {
        driver.inject(Fault.LEAK, 1);
        run(Duration.ofSeconds(20));

        assertTrue(link.lastSample(1) < 25, "leaking channel at " + link.lastSample(1));
        assertEquals(40, link.lastSample(0), 0.5);
        assertEquals(40, link.lastSample(2), 0.5);

        driver.clear(Fault.LEAK, 1);
        run(Duration.ofSeconds(10));
        assertEquals(40, link.lastSample(1), 0.5);
    }

    @Test
    void aStuckSensorRepeatsItsLastReadingWhileThePressureMoves() {
        double lastBefore = link.lastSample(0);
        driver.inject(Fault.STUCK_SENSOR, 0);
        int from = link.samplesOf(0).size();
        link.commandHold(0, 20);
        run(Duration.ofSeconds(5));

        List<Double> whileStuck = link.samplesOf(0).subList(from, link.samplesOf(0).size());
        assertEquals(500, whileStuck.size());
        assertTrue(whileStuck.stream().allMatch(v -> v == lastBefore), "a stuck sensor moved");
        assertEquals(20, driver.truePressureKpa(0), 0.5);
        assertEquals(40, link.lastSample(1), 0.5, "other channels are not stuck");

        driver.clear(Fault.STUCK_SENSOR, 0);
        run(Duration.ofMillis(10));
        assertEquals(20, link.lastSample(0), 0.5);
    }

    @Test
    void aFailedRegulatorOvershootsUntilTheChannelIsVented() {
        driver.inject(Fault.OVERSHOOT, 2);
        run(Duration.ofSeconds(3));
        assertTrue(link.lastSample(2) > 40 + 2.7, "no overshoot: " + link.lastSample(2));
        assertEquals(40, link.lastSample(3), 0.5);

        link.commandVent(2);
        run(Duration.ofMillis(500));
        assertEquals(0, link.lastSample(2), 0.3);
    }

    @Test
    void silenceStopsEverySampleWhileTheDeviceKeepsWorking() {
        driver.inject(Fault.SILENCE, 0);
        run(Duration.ofMillis(10));
        int atSilence = samplesSoFar();
        link.commandHold(3, 20);
        run(Duration.ofSeconds(5));

        assertEquals(atSilence, samplesSoFar(), "samples while silent");
        assertEquals(List.of(CONNECTING, CONNECTED), link.connectionStates(), "silence is not a disconnect");
        assertEquals(20, driver.truePressureKpa(3), 0.5, "a silent device still follows commands");

        driver.clear(Fault.SILENCE, -1);
        run(Duration.ofMillis(10));
        assertEquals(atSilence + 4, samplesSoFar());
        assertEquals(20, link.lastSample(3), 0.5);
    }

    @Test
    void nanSamplesComeFromTheFaultyChannelOnly() {
        driver.inject(Fault.NAN_SAMPLE, 3);
        run(Duration.ofMillis(100));

        assertTrue(Double.isNaN(link.lastSample(3)));
        assertEquals(40, link.lastSample(0), 0.5);
        assertEquals(40, driver.truePressureKpa(3), 0.5, "the cup itself is fine");

        driver.clear(Fault.NAN_SAMPLE, 3);
        run(Duration.ofMillis(10));
        assertEquals(40, link.lastSample(3), 0.5);
    }

    @Test
    @Tag("SR-09")
    void aDisconnectedDeviceReportsItStopsSamplingAndVentsByItself() {
        driver.inject(Fault.DISCONNECT, 2);
        run(Duration.ofMillis(10));
        int atLoss = samplesSoFar();
        run(Duration.ofMillis(400));

        assertEquals(List.of(CONNECTING, CONNECTED, DISCONNECTED), link.connectionStates());
        assertEquals(atLoss, samplesSoFar(), "samples while disconnected");
        for (int channel = 0; channel < 4; channel++) {
            assertTrue(driver.truePressureKpa(channel) < 0.5, "channel " + channel + " still holds "
                    + driver.truePressureKpa(channel));
        }
        assertThrows(IllegalStateException.class, driver::pressEmergencyStop, "the button cannot reach the engine");
    }

    @Test
    @Tag("SR-09")
    void whileDisconnectedTheDriverRetriesWithBackOffAndReconnectsAtTheNextRetryAfterClear() {
        driver.inject(Fault.DISCONNECT, -1);
        run(Duration.ofMillis(10));
        long lostAt = clock.nanoTime();
        run(Duration.ofMillis(17_600));

        List<RecordingLink.ConnectionChange> changes = link.connectionChanges();
        List<RecordingLink.ConnectionChange> afterLoss = changes.subList(2, changes.size());
        assertEquals(new RecordingLink.ConnectionChange(DISCONNECTED, afterLoss.get(0).reason(), lostAt), afterLoss.get(0));
        List<Long> attemptsMillis = new ArrayList<>();
        for (int i = 1; i < afterLoss.size(); i += 2) {
            RecordingLink.ConnectionChange attempt = afterLoss.get(i);
            RecordingLink.ConnectionChange failure = afterLoss.get(i + 1);
            assertEquals(CONNECTING, attempt.state());
            assertEquals(DISCONNECTED, failure.state());
            assertEquals(attempt.nanos(), failure.nanos());
            attemptsMillis.add((attempt.nanos() - lostAt) / 1_000_000);
        }
        // Waits of 0.5, 1, 2, 4, then 5 s capped.
        assertEquals(List.of(500L, 1500L, 3500L, 7500L, 12500L, 17500L), attemptsMillis);

        int samplesWhileDown = samplesSoFar();
        driver.clear(Fault.DISCONNECT, -1);
        // The next attempt is due 5 s after the last failed one, at 22.5 s after the loss.
        run(Duration.ofMillis(4_890));
        assertEquals(samplesWhileDown, samplesSoFar(), "sampled before the next retry");
        int statesBeforeRetry = link.connectionChanges().size();

        run(Duration.ofMillis(10));
        List<ConnectionState> states = link.connectionStates();
        List<ConnectionState> atRetry = states.subList(statesBeforeRetry, states.size());
        assertEquals(List.of(CONNECTING, CONNECTED), atRetry);
        assertEquals(4, samplesSoFar() - samplesWhileDown, "one sample per channel from the reconnecting step");

        run(Duration.ofSeconds(6));
        assertEquals(40, link.lastSample(0), 0.5, "follows commands again after reconnecting");
    }

    @Test
    void aBlinkShorterThanOneStepGoesUnnoticed() {
        driver.inject(Fault.DISCONNECT, -1);
        driver.clear(Fault.DISCONNECT, -1);
        run(Duration.ofSeconds(1));
        assertEquals(List.of(CONNECTING, CONNECTED), link.connectionStates());
    }

    @Test
    @Tag("SR-09")
    void aDeviceThatIsDownAtConnectRetriesUntilItAnswers() {
        ManualClock ownClock = new ManualClock();
        SimulatorDriver device = new SimulatorDriver(SimulatorSettings.defaults().withId("sim-2"));
        RecordingLink ownLink = new RecordingLink(ownClock, 4);
        device.inject(Fault.DISCONNECT, -1);

        device.connect(ownLink);
        ownClock.advance(Duration.ofMillis(600));
        device.clear(Fault.DISCONNECT, -1);
        ownClock.advance(Duration.ofMillis(1000));

        assertEquals(List.of(CONNECTING, DISCONNECTED, CONNECTING, DISCONNECTED, CONNECTING, CONNECTED),
                ownLink.connectionStates());
        assertTrue(ownLink.connectionChanges().get(1).reason().contains("sim-2"), ownLink.connectionChanges().get(1).reason());
    }

    @Test
    void faultsOutliveAReconnection() {
        driver.inject(Fault.NAN_SAMPLE, 0);
        driver.disconnect();
        RecordingLink next = new RecordingLink(clock, 4);
        next.startEngineTicks();
        driver.connect(next);
        run(Duration.ofMillis(10));
        assertTrue(Double.isNaN(next.lastSample(0)));
    }
}
