package io.upwell.engine.core.internal.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.ConnectionState;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceState;
import io.upwell.api.device.MagnetSupport;
import io.upwell.engine.core.internal.clock.VirtualClock;
import io.upwell.engine.core.internal.safety.SafetyLatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The hand-off between a driver and the control loop, one channel at a time. */
class DeviceSlotTest {
    private final VirtualClock clock = new VirtualClock();
    private final List<String> heard = new ArrayList<>();
    private final SafetyLatch latch = new SafetyLatch();
    private final DeviceSlot slot = new DeviceSlot(null, new DeviceDescriptor("dev-1", "v", "m",
            List.of(new ChannelDescriptor(0, "A", 60, MagnetSupport.LEVEL, 0), ChannelDescriptor.plain(1, 45)), 70,
            true, Duration.ofMillis(300)), clock, new DeviceSlot.Events() {
                @Override
                public void connectionChanged(DeviceSlot s, ConnectionState state, String reason) {
                    heard.add(state + ":" + reason);
                }

                @Override
                public void emergencyStop(String source) {
                    heard.add("estop:" + source);
                }
            }, latch);

    @Test
    void aNewSlotHasNoReadingNoOwnerAndVentsWithoutBeingForced() {
        for (int ch = 0; ch < 2; ch++) {
            assertEquals(Long.MIN_VALUE, slot.sampleTimeNanos(ch));
            assertTrue(Double.isNaN(slot.measuredKpa(ch)));
            assertTrue(slot.vent(ch), "the first command a driver sees is vent");
            assertFalse(slot.isForcedVent(ch));
            assertEquals(0, slot.owner(ch));
        }
        assertEquals(Long.MIN_VALUE, slot.newestSampleNanos());
        assertEquals(Long.MIN_VALUE, slot.readySinceNanos());
        assertEquals(300_000_000L, slot.quietTimeNanos());
    }

    @Test
    @Tag("SR-01")
    void eachChannelsLimitIsTheLowestOfHardDeviceAndChannelLimits() {
        assertEquals(60.0, slot.channelLimitKpa(0));
        assertEquals(45.0, slot.channelLimitKpa(1));
    }

    @Test
    void aCommandAboveAmbientIsAppliedAndAZeroOrVentedOneVents() {
        slot.command(0, 30.0, false, 0.5);
        assertFalse(slot.vent(0));
        assertEquals(30.0, slot.targetKpa(0));
        assertEquals(0.5, slot.magnetLevel(0));
        slot.command(0, 0.0, false, 0.5);
        assertTrue(slot.vent(0), "zero is ambient: vent");
        assertEquals(0.0, slot.magnetLevel(0), "no magnet while vented");
        slot.command(0, 0.001, false, 0.0);
        assertFalse(slot.vent(0), "just above ambient is applied");
        slot.command(0, 30.0, true, 0.5);
        assertTrue(slot.vent(0));
        assertEquals(0.0, slot.targetKpa(0), "a vented channel's target reads 0");
    }

    @Test
    @Tag("SR-13")
    void aForcedVentWinsOverEveryCommandUntilReleasedAndClosingForcesEveryChannel() {
        slot.command(1, 20.0, false, 0.0);
        slot.forceVent(1);
        assertTrue(slot.isForcedVent(1));
        assertTrue(slot.vent(1));
        slot.releaseForcedVent(1);
        assertEquals(20.0, slot.targetKpa(1));
        slot.close();
        assertTrue(slot.isForcedVent(0) && slot.isForcedVent(1), "closing forces every channel");
        assertTrue(slot.isClosed());
    }

    @Test
    void samplesOutsideTheChannelsOrAfterCloseAreIgnored() {
        clock.advanceNanos(5);
        slot.sample(1, 12.5);
        assertEquals(12.5, slot.measuredKpa(1));
        assertEquals(5, slot.sampleTimeNanos(1));
        slot.sample(2, 99.0);
        slot.sample(-1, 99.0);
        assertEquals(5, slot.newestSampleNanos());
        slot.forgetSamples();
        assertTrue(Double.isNaN(slot.measuredKpa(1)));
        assertEquals(Long.MIN_VALUE, slot.sampleTimeNanos(1));
        slot.close();
        slot.sample(0, 7.0);
        assertTrue(Double.isNaN(slot.measuredKpa(0)), "a closed slot takes no more readings");
    }

    @Test
    void whatADriverReportsReachesTheEngineUntilTheSlotCloses() {
        slot.connectionChanged(ConnectionState.CONNECTED, null);
        slot.connectionChanged(null, "nothing");
        slot.emergencyStop(null);
        slot.emergencyStop(" ");
        slot.emergencyStop("front panel");
        slot.close();
        slot.connectionChanged(ConnectionState.DISCONNECTED, "late");
        assertEquals(List.of("CONNECTED:", "estop:dev-1 button", "estop:dev-1 button", "estop:front panel"), heard);
    }

    @Test
    void statesMoveOnlyThroughTheTable() {
        assertThrows(IllegalStateException.class, () -> slot.moveTo(DeviceState.READY, "too soon"),
                "a disconnected device connects before it is ready");
        assertFalse(slot.canMoveTo(DeviceState.READY));
        assertFalse(slot.canMoveTo(DeviceState.DISCONNECTED), "already there");
        assertEquals(DeviceState.DISCONNECTED, slot.moveTo(DeviceState.CONNECTING, "connecting"));
        assertEquals(DeviceState.CONNECTING, slot.state());
        assertNull(slot.moveTo(DeviceState.CONNECTING, "still connecting"), "no move, a new reason");
        assertEquals("still connecting", slot.stateReason());
        assertTrue(slot.canMoveTo(DeviceState.READY));
        slot.markReady(123);
        assertEquals(123, slot.readySinceNanos());
    }

    @Test
    void theLatchMakesEveryChannelReadVent() {
        slot.command(0, 30.0, false, 0.5);
        latch.latch(SafetyLatch.Cause.FAULT);
        assertTrue(slot.vent(0));
        assertEquals(0.0, slot.targetKpa(0));
        assertEquals(0.0, slot.magnetLevel(0));
    }
}
