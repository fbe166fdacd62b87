package io.upwell.engine.core.internal.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.CommandSet;
import io.upwell.api.device.ConnectionState;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.engine.core.internal.clock.VirtualClock;
import io.upwell.engine.core.internal.safety.SafetyLatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A device whose channels share a pump reads one tick's commands as one set: never a mixture of two
 * ticks, never a tick still being written, and every vent that came after the tick applied on top.
 */
class CommandSetReadTest {
    private static final int CHANNELS = 8;

    private final SafetyLatch latch = new SafetyLatch();
    private final DeviceSlot slot = new DeviceSlot(null, descriptor(), new VirtualClock(), new DeviceSlot.Events() {
        @Override
        public void connectionChanged(DeviceSlot s, ConnectionState state, String reason) {
        }

        @Override
        public void emergencyStop(String source) {
        }
    }, latch);
    private final CommandSet set = new CommandSet(CHANNELS);

    private static DeviceDescriptor descriptor() {
        List<ChannelDescriptor> channels = new ArrayList<>();
        for (int ch = 0; ch < CHANNELS; ch++) {
            channels.add(new ChannelDescriptor(ch, "valve " + ch, 60, io.upwell.api.device.MagnetSupport.NONE, 0));
        }
        return new DeviceDescriptor("interval-1", "v", "m", channels, 60, false, Duration.ofMillis(300));
    }

    /** One tick: every channel at {@code kpa}. */
    private void tick(double kpa) {
        for (int ch = 0; ch < CHANNELS; ch++) {
            slot.command(ch, kpa, false, 0.0);
        }
        slot.publishTick();
    }

    @Test
    void beforeAnyTickEveryChannelVents() {
        slot.readCommands(set);
        for (int ch = 0; ch < CHANNELS; ch++) {
            assertTrue(set.vent(ch));
            assertEquals(0.0, set.targetKpa(ch));
        }
        assertEquals(0, set.sequence());
    }

    @Test
    void theSetIsTheLastPublishedTickNotCommandsOfATickStillUnderWay() {
        tick(20);
        slot.command(0, 35, false, 0.0); // the next tick, not yet published

        slot.readCommands(set);

        assertEquals(20.0, set.targetKpa(0), "what the tick published, not the half-written next one");
        assertEquals(1, set.sequence());
        assertEquals(35.0, slot.targetKpa(0), "a channel read alone sees the newer command");
        slot.publishTick();
        slot.readCommands(set);
        assertEquals(35.0, set.targetKpa(0));
        assertEquals(2, set.sequence());
    }

    @Test
    @Tag("SR-13")
    void aVentAfterTheTickIsAppliedOnTopAtOnce() {
        tick(20);
        slot.forceVent(3);

        slot.readCommands(set);

        assertTrue(set.vent(3), "forced after the tick, vented in the set");
        assertEquals(0.0, set.targetKpa(3));
        assertFalse(set.vent(2));
        latch.latch(SafetyLatch.Cause.EMERGENCY_STOP);
        slot.readCommands(set);
        for (int ch = 0; ch < CHANNELS; ch++) {
            assertTrue(set.vent(ch), "latched: channel " + ch + " vents");
        }
    }

    @Test
    @Tag("SR-13")
    void aChannelCommandedToVentReadsAsVentWhateverTargetItWasGiven() {
        slot.command(0, 30, true, 0.5);
        slot.publishTick();

        slot.readCommands(set);

        assertTrue(set.vent(0));
        assertEquals(0.0, set.targetKpa(0));
        assertEquals(0.0, set.magnetLevel(0));
    }

    @Test
    void theMagnetLevelIsPublishedWithItsTick() {
        slot.command(0, 20, false, 0.7);
        slot.publishTick();

        slot.readCommands(set);

        assertEquals(0.7, set.magnetLevel(0));
        assertEquals(20.0, set.targetKpa(0));
    }

    @Test
    @Tag("SR-13")
    void aPublisherThatNeverFinishesLeavesReadersVentingEverything() {
        tick(20);
        slot.beginPublish(); // and never endPublish: a loop that died mid-publication

        slot.readCommands(set);

        for (int ch = 0; ch < CHANNELS; ch++) {
            assertTrue(set.vent(ch), "channel " + ch + ": no whole tick could be read, so it vents");
        }
    }

    @Test
    void aClosedSlotReadsAsVentingEverything() {
        tick(20);
        slot.close();

        slot.readCommands(set);

        for (int ch = 0; ch < CHANNELS; ch++) {
            assertTrue(set.vent(ch));
        }
    }

    @Test
    void aSetSizedForAnotherDeviceIsRefusedNamingBoth() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> slot.readCommands(new CommandSet(3)));

        assertEquals("device interval-1 has 8 channels; the command set has 3", refused.getMessage());
    }

    @Test
    void aReaderRacingThePublisherNeverSeesTwoTicksMixed() throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> mixed = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            CommandSet mine = new CommandSet(CHANNELS);
            while (!done.get() && mixed.get() == null) {
                slot.readCommands(mine);
                for (int ch = 1; ch < CHANNELS; ch++) {
                    if (mine.targetKpa(ch) != mine.targetKpa(0)) {
                        mixed.set("tick " + mine.sequence() + ": channel 0 at " + mine.targetKpa(0) + ", channel "
                                + ch + " at " + mine.targetKpa(ch));
                    }
                }
            }
        }, "command-reader");
        reader.start();
        // Every tick sets all channels to one level that differs from the last tick's, so any mixture shows.
        for (int t = 1; t <= 200_000 && mixed.get() == null; t++) {
            tick(1 + (t % 50));
        }
        done.set(true);
        reader.join();

        assertEquals(null, mixed.get());
    }
}
