package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceState;
import io.upwell.engine.core.internal.clock.VirtualClock;
import io.upwell.engine.core.internal.device.DeviceSlot;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransitionsTest {
    private static final io.upwell.engine.core.internal.safety.SafetyLatch LATCH =
            new io.upwell.engine.core.internal.safety.SafetyLatch();

    private static DeviceSlot slot() {
        DeviceDescriptor descriptor = new DeviceDescriptor("d", "v", "m", List.of(ChannelDescriptor.plain(0, 50)), 50,
                true, Duration.ofMillis(200));
        return new DeviceSlot(null, descriptor, new VirtualClock(), new DeviceSlot.Events() {
            @Override
            public void connectionChanged(DeviceSlot s, io.upwell.api.device.ConnectionState state, String reason) {
            }

            @Override
            public void emergencyStop(String source) {
            }
        }, LATCH);
    }

    @Test
    void aDeviceFollowsItsTableAndRefusesAnythingElse() {
        DeviceSlot slot = slot();
        assertEquals(DeviceState.DISCONNECTED, slot.state());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> slot.moveTo(DeviceState.READY, "skipping connecting"));
        assertTrue(e.getMessage().contains("DISCONNECTED -> READY"), e.getMessage());
        slot.moveTo(DeviceState.CONNECTING, "");
        slot.moveTo(DeviceState.READY, "");
        slot.moveTo(DeviceState.FAULTED, "");
        assertFalse(slot.canMoveTo(DeviceState.CONNECTING), "a fault is left only by acknowledgement or loss");
        slot.moveTo(DeviceState.DISCONNECTED, "");
    }

    @Test
    void aNewDeviceSeesVentFirst() {
        DeviceSlot slot = slot();
        assertTrue(slot.vent(0));
        assertEquals(0.0, slot.targetKpa(0));
        slot.command(0, 20, false, 0);
        assertFalse(slot.vent(0));
        slot.forceVent(0);
        slot.command(0, 30, false, 0);
        assertTrue(slot.vent(0), "a forced vent wins over a later command");
        assertEquals(0.0, slot.targetKpa(0));
        slot.releaseForcedVent(0);
        assertEquals(30.0, slot.targetKpa(0));
        slot.close();
        assertTrue(slot.vent(0), "a closed link reads vent");
    }

    @Test
    @org.junit.jupiter.api.Tag("SR-13")
    void whileTheEngineIsLatchedEveryChannelReadsVentWhateverItIsCommanded() {
        DeviceSlot slot = slot();
        slot.command(0, 30, false, 0.5);
        LATCH.latch(io.upwell.engine.core.internal.safety.SafetyLatch.Cause.FAULT);
        try {
            assertTrue(slot.vent(0));
            assertEquals(0.0, slot.targetKpa(0));
            assertEquals(0.0, slot.magnetLevel(0));
            slot.command(0, 35, false, 0.5); // a tick in flight cannot undo it
            assertTrue(slot.vent(0));
        } finally {
            LATCH.acknowledge();
        }
        assertEquals(35.0, slot.targetKpa(0), "after acknowledgement the command counts again");
    }

    @Test
    void sessionTableRefusesIllegalMoves() {
        var table = io.upwell.engine.core.internal.session.SessionTransitionsAccess.table();
        assertTrue(table.allows(io.upwell.api.session.SessionState.RUNNING, io.upwell.api.session.SessionState.PAUSED));
        assertFalse(table.allows(io.upwell.api.session.SessionState.ENDED, io.upwell.api.session.SessionState.RUNNING));
        assertFalse(table.allows(io.upwell.api.session.SessionState.ABORTED, io.upwell.api.session.SessionState.RUNNING));
        assertFalse(table.allows(io.upwell.api.session.SessionState.STOPPING, io.upwell.api.session.SessionState.RUNNING));
    }
}
