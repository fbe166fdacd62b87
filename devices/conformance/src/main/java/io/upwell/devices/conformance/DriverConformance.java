package io.upwell.devices.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.ConnectionState;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceDriver;
import io.upwell.api.safety.HardLimits;
import io.upwell.engine.testkit.RecordingLink;
import io.upwell.engine.testkit.WallClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The conformance checks every Upwell device driver must pass, as JUnit 5 tests a vendor's test
 * class inherits: extend it, implement {@link #open()}, run it with the vendor's build.
 * <p>
 * Each test opens a fresh driver, plays the engine's side of the link with the test kit's
 * {@link RecordingLink} on the wall clock (command sequence advancing at 50 Hz, as the engine's
 * loop does), and checks one thing the engine relies on. The bounds are the engine's own rules
 * (a connect answers within its deadline; a vented channel is below 5 kPa within 2 s; a device
 * reports within its declared quiet time), or generous ones where a device's physics decides
 * (reaching a set point). Checks of what must not happen watch a number of samples rather than a
 * span of time. What a line cannot do ({@link LineFaults}) is skipped, saying so. The time a vent took
 * is published as the report entry {@code ventMillis} (JUnit's TestReporter), for the vendor's report.
 */
public abstract class DriverConformance {

    /** The engine's deadline for {@code connect} (its default). */
    public static final Duration CONNECT_DEADLINE = Duration.ofSeconds(2);
    /** The engine faults a vented channel that still holds more than 5 kPa after 2 s. */
    public static final Duration VENT_BOUND = Duration.ofSeconds(2);
    /** Below this a channel counts as released. */
    public static final double RELEASED_KPA = 5.0;
    /** What a channel is asked to hold in these checks, at most half its declared limit. */
    public static final double CHECK_LEVEL_KPA = 20.0;

    private WallClock clock;
    private DriverUnderTest underTest;
    /** The driver under test in this test. */
    protected DeviceDriver driver;
    /** The engine's side of its link. */
    protected RecordingLink link;
    /** Its descriptor, read once. */
    protected DeviceDescriptor descriptor;

    /**
     * Opens the driver under test, with what stands behind it ready: for a serial driver, the
     * emulator or device on a line the driver is configured for.
     */
    protected abstract DriverUnderTest open() throws Exception;

    /** How long the device may take from connect to CONNECTED: a handshake over a slow line. */
    protected Duration connectBound() {
        return Duration.ofSeconds(10);
    }

    /** How long the device's physics may take to bring a channel near a set point. */
    protected Duration setPointBound() {
        return Duration.ofSeconds(15);
    }

    /** How long a device may take to come back after its line is restored (back-off included). */
    protected Duration reconnectBound() {
        return Duration.ofSeconds(40);
    }

    @BeforeEach
    void openDriver() throws Exception {
        underTest = open();
        driver = underTest.driver();
        descriptor = driver.descriptor();
        clock = new WallClock();
        link = new RecordingLink(clock, descriptor.channelCount());
    }

    @AfterEach
    void closeDriver() throws Exception {
        try {
            driver.disconnect();
        } finally {
            try {
                underTest.close();
            } finally {
                clock.close();
            }
        }
    }

    // ------------------------------------------------------------------ capabilities

    @Test
    void theDescriptorIsWithinTheEnginesBoundsAndStable() {
        assertFalse(descriptor.id().isBlank());
        assertTrue(descriptor.maxVacuumKpa() <= HardLimits.MAX_VACUUM_KPA,
                "device maximum " + descriptor.maxVacuumKpa() + " kPa above the hard limit " + HardLimits.MAX_VACUUM_KPA);
        assertTrue(descriptor.quietTime().compareTo(Duration.ZERO) > 0, "a quiet time is declared");
        for (ChannelDescriptor channel : descriptor.channels()) {
            assertTrue(channel.maxVacuumKpa() <= descriptor.maxVacuumKpa(),
                    "channel " + channel.index() + " declares more than its device");
        }
        assertEquals(descriptor, driver.descriptor(), "the descriptor does not change while registered");
    }

    // ------------------------------------------------------------------ lifecycle

    @Test
    @Tag("SR-12")
    void connectAnswersWithinTheEnginesDeadlineAndTheDeviceBecomesConnected() throws Exception {
        CompletableFuture<Void> connecting = CompletableFuture.runAsync(() -> {
            try {
                driver.connect(link);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        connecting.get(CONNECT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);

        Await.until("CONNECTED reported", connectBound(),
                () -> link.connectionStates().contains(ConnectionState.CONNECTED));
        List<ConnectionState> before = link.connectionStates().subList(0,
                link.connectionStates().indexOf(ConnectionState.CONNECTED));
        assertFalse(before.contains(ConnectionState.DISCONNECTED), "a clean connect reports no loss: " + before);
    }

    @Test
    void disconnectIsIdempotentAndStopsTheSamples() throws Exception {
        connected();
        driver.disconnect();
        int after = link.sampleCount();
        driver.disconnect();
        // Three quiet times of the engine's ticks: a driver still delivering would have delivered by then.
        awaitTicks(3 * descriptor.quietTime().toNanos() / RecordingLink.ENGINE_PERIOD.toNanos() + 1);
        assertEquals(after, link.sampleCount(), "no sample once disconnect returned");
    }

    // ------------------------------------------------------------------ what the engine relies on

    @Test
    @Tag("SR-13")
    void theFirstCommandIsVentAndTheDeviceDoesNotPullUntilTold() throws Exception {
        connected();
        int from = link.sampleCount();
        awaitSamples(from, 50);

        for (RecordingLink.Sample sample : link.samples().subList(from, link.sampleCount())) {
            assertTrue(sample.kpa() < RELEASED_KPA, "channel " + sample.channel() + " at " + sample.kpa()
                    + " kPa with every channel told to vent");
        }
    }

    @Test
    @Tag("SR-08")
    void everyChannelReportsWithinTheDeclaredQuietTime() throws Exception {
        connected();
        int from = link.sampleCount();
        awaitSamples(from, 20 * descriptor.channelCount());
        List<RecordingLink.Sample> window = new ArrayList<>(link.samples().subList(from, link.sampleCount()));

        long quiet = descriptor.quietTime().toNanos();
        for (int ch = 0; ch < descriptor.channelCount(); ch++) {
            long last = Long.MIN_VALUE;
            int count = 0;
            for (RecordingLink.Sample sample : window) {
                if (sample.channel() != ch) {
                    continue;
                }
                if (last != Long.MIN_VALUE) {
                    assertTrue(sample.nanos() - last <= quiet, "channel " + ch + " silent for "
                            + (sample.nanos() - last) / 1_000_000 + " ms, longer than its quiet time");
                }
                last = sample.nanos();
                count++;
            }
            assertTrue(count >= 2, "channel " + ch + " reported " + count + " samples");
        }
    }

    @Test
    void theDeviceFollowsASetPoint() throws Exception {
        connected();
        double level = checkLevel(0);
        link.commandHold(0, level);

        Await.until("channel 0 near " + level + " kPa", setPointBound(), () -> near(0, level));
    }

    @Test
    @Tag("SR-13")
    void aVentedChannelIsReleasedWithinTwoSeconds(TestReporter reporter) throws Exception {
        connected();
        double level = checkLevel(0);
        link.commandHold(0, level);
        Await.until("channel 0 near " + level + " kPa", setPointBound(), () -> near(0, level));

        link.commandVent(0);

        Duration took = Await.until("channel 0 below " + RELEASED_KPA + " kPa", VENT_BOUND,
                () -> last(0) < RELEASED_KPA);
        reporter.publishEntry("ventMillis", Long.toString(took.toMillis()));
    }

    @Test
    @Tag("SR-12")
    void aStalledEngineMakesTheDeviceVentByItself() throws Exception {
        connected();
        double level = checkLevel(0);
        link.commandHold(0, level);
        Await.until("channel 0 near " + level + " kPa", setPointBound(), () -> near(0, level));

        link.stopEngineTicks(); // the command sequence stands still: the engine has stopped

        Await.until("the device vents by itself after its quiet time", descriptor.quietTime().plus(VENT_BOUND),
                () -> last(0) < RELEASED_KPA);
    }

    @Test
    @Tag("SR-01")
    void aSetPointAboveTheChannelsLimitIsNeverExceeded() throws Exception {
        connected();
        ChannelDescriptor channel = descriptor.channels().get(0);
        link.commandHold(0, channel.maxVacuumKpa() * 2);
        double margin = 2.7; // the engine's over-vacuum margin
        // Up to the limit first, then a while there: a device without a limit of its own goes on past it.
        Await.until("channel 0 up near its limit of " + channel.maxVacuumKpa() + " kPa", setPointBound().multipliedBy(2),
                () -> last(0) >= channel.maxVacuumKpa() - margin);
        int from = link.sampleCount();
        awaitSamples(from, 300 * descriptor.channelCount());

        for (RecordingLink.Sample sample : link.samples().subList(from, link.sampleCount())) {
            if (sample.channel() == 0) {
                assertTrue(sample.kpa() <= channel.maxVacuumKpa() + margin, "channel 0 at " + sample.kpa()
                        + " kPa, above its declared " + channel.maxVacuumKpa() + " kPa");
            }
        }
        link.commandVent(0);
    }

    // ------------------------------------------------------------------ the line

    @Test
    @Tag("SR-09")
    void aBrokenLineIsReportedAndARestoredOneReconnectsWithoutPulling() throws Exception {
        LineFaults faults = lineFaults();
        connected();
        double level = checkLevel(0);
        link.commandHold(0, level);
        Await.until("channel 0 near " + level + " kPa", setPointBound(), () -> near(0, level));

        faults.breakLine();
        Await.until("DISCONNECTED reported", descriptor.quietTime().plus(VENT_BOUND),
                () -> lastState() == ConnectionState.DISCONNECTED);
        for (int ch = 0; ch < descriptor.channelCount(); ch++) {
            link.commandVent(ch); // as the engine does on a loss: nothing resumes by itself
        }
        faults.restoreLine();
        Await.until("CONNECTED again", reconnectBound(), () -> lastState() == ConnectionState.CONNECTED);

        int from = link.sampleCount();
        awaitSamples(from, 50);
        for (RecordingLink.Sample sample : link.samples().subList(from, link.sampleCount())) {
            assertTrue(sample.kpa() < RELEASED_KPA, "after reconnecting, channel " + sample.channel() + " at "
                    + sample.kpa() + " kPa though told to vent");
        }
    }

    @Test
    void corruptTrafficNeitherCrashesTheDriverNorBecomesAReading() throws Exception {
        LineFaults faults = lineFaults();
        assumeTrue(faults.canCorruptTraffic(), "this line cannot corrupt traffic");
        connected();
        double level = checkLevel(0);
        link.commandHold(0, level);
        Await.until("channel 0 near " + level + " kPa", setPointBound(), () -> near(0, level));

        faults.corruptTraffic(true);
        int from = link.sampleCount();
        awaitSamplesOrLoss(from, 100);
        faults.corruptTraffic(false);

        ChannelDescriptor channel = descriptor.channels().get(0);
        for (RecordingLink.Sample sample : link.samples().subList(from, link.sampleCount())) {
            assertTrue(Double.isFinite(sample.kpa()) && sample.kpa() >= -1 && sample.kpa() <= channel.maxVacuumKpa() + 2.7,
                    "a garbled frame became a reading: channel " + sample.channel() + " at " + sample.kpa() + " kPa");
        }
        Await.until("connected and following again", reconnectBound(),
                () -> lastState() == ConnectionState.CONNECTED && near(0, level));
    }

    // ------------------------------------------------------------------ helpers

    /** Connects and waits for CONNECTED, with the engine's ticks running. */
    protected void connected() throws Exception {
        link.startEngineTicks();
        driver.connect(link);
        Await.until("CONNECTED reported", connectBound(), () -> lastState() == ConnectionState.CONNECTED);
    }

    private LineFaults lineFaults() {
        assumeTrue(underTest.lineFaults().isPresent(), "this driver's line cannot be broken by the test");
        return underTest.lineFaults().get();
    }

    private ConnectionState lastState() {
        List<ConnectionState> states = link.connectionStates();
        return states.isEmpty() ? null : states.get(states.size() - 1);
    }

    private double checkLevel(int channel) {
        return Math.min(CHECK_LEVEL_KPA, descriptor.channels().get(channel).maxVacuumKpa() / 2);
    }

    /** The channel's latest reading; NaN before its first. */
    private double last(int channel) {
        return link.samplesOf(channel).isEmpty() ? Double.NaN : link.lastSample(channel);
    }

    private boolean near(int channel, double level) {
        double last = last(channel);
        return Math.abs(last - level) <= Math.max(2.0, 0.15 * level);
    }

    private void awaitSamples(int from, int count) {
        Await.until(count + " more samples", Duration.ofSeconds(30), () -> link.sampleCount() - from >= count);
    }

    private void awaitTicks(long ticks) {
        long from = link.commandSequence();
        Await.until(ticks + " engine ticks", Duration.ofSeconds(30), () -> link.commandSequence() - from >= ticks);
    }

    private void awaitSamplesOrLoss(int from, int count) {
        Await.until(count + " more samples, or the line declared lost", Duration.ofSeconds(30),
                () -> link.sampleCount() - from >= count || lastState() == ConnectionState.DISCONNECTED);
    }

}
