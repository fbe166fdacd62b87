package io.upwell.engine.core.internal.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.ConnectionState;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.engine.core.internal.clock.VirtualClock;
import io.upwell.engine.core.internal.device.DeviceSlot;
import io.upwell.engine.core.internal.session.ActiveSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ControlLoopTest {
    private static final long TICK = 20_000_000L;

    /** A host whose session lookup throws while {@code broken}: a bug in the core, simulated. */
    private static class BrokenHost implements ControlLoop.Host {
        final DeviceSlot slot = new DeviceSlot(null, new DeviceDescriptor("d", "v", "m",
                List.of(ChannelDescriptor.plain(0, 50), ChannelDescriptor.plain(1, 50)), 50, true,
                Duration.ofMillis(200)), new VirtualClock(), new DeviceSlot.Events() {
                    @Override
                    public void connectionChanged(DeviceSlot s, ConnectionState state, String reason) {
                    }

                    @Override
                    public void emergencyStop(String source) {
                    }
                }, new io.upwell.engine.core.internal.safety.SafetyLatch());
        final List<Throwable> failures = new ArrayList<>();
        boolean latched;
        boolean broken = true;

        @Override
        public DeviceSlot[] slots() {
            return new DeviceSlot[] {slot};
        }

        @Override
        public ActiveSession session() {
            if (broken) {
                throw new IllegalStateException("bug");
            }
            return null;
        }

        @Override
        public void deviceSilent(DeviceSlot s, long silentNanos) {
        }

        @Override
        public void deviceHeard(DeviceSlot s) {
        }

        @Override
        public void loopLate(int consecutiveLateTicks, long latenessNanos) {
        }

        @Override
        public void loopFailed(Throwable failure) {
            failures.add(failure);
            latched = true;
        }

        @Override
        public boolean latched() {
            return latched;
        }

        @Override
        public void idleChannelFault(DeviceSlot s, int channel, io.upwell.engine.core.internal.safety.VentWatch.Verdict verdict,
                String detail) {
        }
    }

    @Test
    @Tag("SR-10")
    void aTickThatThrowsVentsEverythingKeepsTickingAndReportsOncePerRun() {
        BrokenHost host = new BrokenHost();
        ControlLoop loop = new ControlLoop(host, TICK, 10_000_000L, 5, 10);
        host.slot.command(0, 30, false, 0);
        long sequence = host.slot.commandSequence();
        for (int i = 1; i <= 10; i++) {
            loop.tick(i * TICK, i * TICK);
        }
        assertTrue(host.slot.vent(0) && host.slot.vent(1), "every channel vented");
        assertEquals(1, host.failures.size(), "one report for a run of failing ticks");
        assertEquals(sequence + 10, host.slot.commandSequence(), "drivers still see the engine alive");
        assertEquals(10, loop.ticks(), "the watchdog still sees ticks");
        host.broken = false;
        loop.tick(11 * TICK, 11 * TICK);
        host.broken = true;
        loop.tick(12 * TICK, 12 * TICK);
        assertEquals(2, host.failures.size(), "a new run of failures is reported again");
    }

    @Test
    @Tag("SR-10")
    void anErrorEscapingATickVentsEverythingLatchesAndLeavesNoStaleCommandBehind() {
        BrokenHost host = new BrokenHost() {
            @Override
            public ActiveSession session() {
                throw new OutOfMemoryError("simulated: the heap ran out mid-tick");
            }
        };
        ControlLoop loop = new ControlLoop(host, TICK, 10_000_000L, 5, 10);
        host.slot.command(0, 40, false, 0); // the last command before the failure
        loop.tick(TICK, TICK);
        assertEquals(1, host.failures.size(), "the Error is reported, not lost with the thread");
        assertTrue(host.failures.get(0) instanceof OutOfMemoryError);
        assertTrue(host.slot.vent(0) && host.slot.vent(1), "every channel vented");
        assertTrue(host.slot.isForcedVent(0) && host.slot.isForcedVent(1), "forced, not only commanded");
        host.slot.releaseForcedVent(0); // what a session started later would do
        assertEquals(0.0, host.slot.targetKpa(0), "no stale 40 kPa waits behind the forced vent");
        assertTrue(host.slot.vent(0), "the channel is commanded to vent, not only forced");
        assertEquals(1, loop.ticks(), "the loop counted the tick: the watchdog sees it alive");
        assertTrue(loop.failing());
    }

    @Test
    @Tag("SR-10")
    void aRunOfFailingTicksIsReportedAgainOnceTheLatchWasAcknowledged() {
        BrokenHost host = new BrokenHost();
        ControlLoop loop = new ControlLoop(host, TICK, 10_000_000L, 5, 10);
        loop.tick(TICK, TICK);
        loop.tick(2 * TICK, 2 * TICK);
        assertEquals(1, host.failures.size());
        host.latched = false; // an operator acknowledged while the ticks still fail
        loop.tick(3 * TICK, 3 * TICK);
        assertEquals(2, host.failures.size(), "latched again: failing ticks never run unlatched");
    }
}
