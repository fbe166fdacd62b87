package io.upwell.engine.core.internal.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.ConnectionState;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceState;
import io.upwell.engine.core.internal.clock.VirtualClock;
import io.upwell.engine.core.internal.device.DeviceSlot;
import io.upwell.engine.core.internal.safety.SafetyLatch;
import io.upwell.engine.core.internal.safety.VentWatch;
import io.upwell.engine.core.internal.session.ActiveSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** SR-08 in the loop itself: when a device counts as silent, at the exact edges. */
@Tag("SR-08")
class QuietTimeTest {
    private static final long MS = 1_000_000L;

    private final VirtualClock clock = new VirtualClock();
    private final List<String> told = new ArrayList<>();

    private DeviceSlot readyDevice(Duration quietTime) {
        DeviceSlot slot = new DeviceSlot(null, new DeviceDescriptor("d", "v", "m",
                List.of(ChannelDescriptor.plain(0, 50)), 50, true, quietTime), clock, new DeviceSlot.Events() {
                    @Override
                    public void connectionChanged(DeviceSlot s, ConnectionState state, String reason) {
                    }

                    @Override
                    public void emergencyStop(String source) {
                    }
                }, new SafetyLatch());
        slot.moveTo(DeviceState.CONNECTING, "");
        slot.moveTo(DeviceState.READY, "");
        slot.markReady(0);
        return slot;
    }

    private ControlLoop loop(DeviceSlot slot, long periodNanos) {
        return new ControlLoop(new ControlLoop.Host() {
            @Override
            public DeviceSlot[] slots() {
                return new DeviceSlot[] {slot};
            }

            @Override
            public ActiveSession session() {
                return null;
            }

            @Override
            public void deviceSilent(DeviceSlot s, long silentNanos) {
                told.add("silent " + silentNanos / MS);
                s.markSilent();
            }

            @Override
            public void deviceHeard(DeviceSlot s) {
                told.add("heard");
                s.markReady(clock.nanoTime());
            }

            @Override
            public void loopLate(int consecutiveLateTicks, long latenessNanos) {
            }

            @Override
            public void loopFailed(Throwable failure) {
            }

            @Override
            public boolean latched() {
                return false;
            }

            @Override
            public void idleChannelFault(DeviceSlot s, int channel, VentWatch.Verdict verdict, String detail) {
                told.add("idle " + verdict);
            }
        }, periodNanos, periodNanos / 2, 5, 10);
    }

    @Test
    void aDeviceIsSilentOnlyAfterMoreThanItsQuietTime() {
        DeviceSlot slot = readyDevice(Duration.ofMillis(200));
        ControlLoop loop = loop(slot, 20 * MS);
        loop.tick(200 * MS, 200 * MS);
        assertEquals(List.of(), told, "exactly the quiet time is not silent yet");
        loop.tick(200 * MS + 1, 200 * MS + 1);
        assertEquals(List.of("silent 200"), told);
        assertEquals(20 * MS, loop.periodNanos());
    }

    @Test
    void aSampleKeepsItAliveAndAFreshOneAfterSilenceIsHeard() {
        DeviceSlot slot = readyDevice(Duration.ofMillis(200));
        ControlLoop loop = loop(slot, 20 * MS);
        clock.advanceNanos(150 * MS);
        slot.sample(0, 1.0);
        loop.tick(300 * MS, 300 * MS);
        assertEquals(List.of(), told, "150 ms since the sample");
        loop.tick(351 * MS, 351 * MS);
        assertEquals(List.of("silent 201"), told);
        clock.advanceNanos(250 * MS);
        slot.sample(0, 1.0);
        loop.tick(410 * MS, 410 * MS);
        assertEquals(List.of("silent 201", "heard"), told);
    }

    @Test
    void theQuietTimeIsNeverLessThanThreeControlPeriods() {
        DeviceSlot slot = readyDevice(Duration.ZERO);
        ControlLoop loop = loop(slot, 100 * MS); // 10 Hz: three periods are 300 ms, more than the 100 ms floor
        loop.tick(300 * MS, 300 * MS);
        assertEquals(List.of(), told);
        loop.tick(300 * MS + 1, 300 * MS + 1);
        assertEquals(List.of("silent 300"), told);
    }

    @Test
    void aDeviceNotReadyOrClosedIsNotJudgedForSilence() {
        DeviceSlot connecting = readyDevice(Duration.ofMillis(200));
        connecting.moveTo(DeviceState.DISCONNECTED, "");
        loop(connecting, 20 * MS).tick(500 * MS, 500 * MS);
        DeviceSlot closed = readyDevice(Duration.ofMillis(200));
        closed.sample(0, Double.NaN);
        closed.close();
        loop(closed, 20 * MS).tick(500 * MS, 500 * MS);
        assertTrue(told.isEmpty(), "neither silent nor judged idle: " + told);
    }

    @Test
    void aSilentDeviceIsHeardOnlyWhileItsNewestSampleIsYoungerThanTheQuietTime() {
        DeviceSlot slot = readyDevice(Duration.ofMillis(200));
        ControlLoop loop = loop(slot, 20 * MS);
        loop.tick(201 * MS, 201 * MS);
        assertEquals(List.of("silent 201"), told);
        clock.advanceNanos(300 * MS);
        slot.sample(0, 1.0); // sampled at 300 ms
        loop.tick(500 * MS, 500 * MS);
        assertEquals(List.of("silent 201"), told, "a sample exactly the quiet time old is not news");
        loop.tick(499 * MS, 499 * MS);
        assertEquals(List.of("silent 201", "heard"), told);
    }

    @Test
    @Tag("SR-10")
    void everyTicksLatenessIsRecordedAndOnlyMoreThanTheThresholdIsLate() {
        DeviceSlot slot = readyDevice(Duration.ofMillis(200));
        slot.sample(0, 1.0);
        ControlLoop loop = loop(slot, 20 * MS); // late threshold: half a period, 10 ms
        loop.tick(20 * MS, 30 * MS);
        assertEquals(0, loop.lateTicks(), "exactly the threshold is not late");
        loop.tick(40 * MS, 50 * MS + 1);
        assertEquals(1, loop.lateTicks());
        assertEquals(10 * MS + 1, loop.lateness().max(), "the lateness is measured, not guessed");
        assertEquals(2, loop.lateness().count());
    }
}
