package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.ConnectionState;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceDriver;
import io.upwell.api.device.DeviceLink;
import io.upwell.api.device.DeviceState;
import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.session.EngineListener;
import io.upwell.engine.core.internal.clock.VirtualClock;
import io.upwell.engine.core.internal.device.DeviceSlot;
import io.upwell.engine.core.internal.safety.SafetyLatch;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The devices as the engine keeps them, on their own: what a driver arriving, connecting, dropping
 * out and leaving does to its device's state, to the journal and to the alarms.
 */
class DeviceRegistryTest {
    final VirtualClock clock = new VirtualClock(5_000_000_000L);
    final SafetyLatch latch = new SafetyLatch();
    final RecordingJournal journal = new RecordingJournal();
    final EngineEvents events = new EngineEvents();
    final CurrentSession current = new CurrentSession();
    final AlarmDesk alarms = new AlarmDesk(latch, journal, events, current);
    final PluginCaller caller = new PluginCaller(2000);
    final List<String> stops = new CopyOnWriteArrayList<>();
    final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor();
    final DeviceRegistry registry = new DeviceRegistry(clock, latch, journal, events, alarms, caller, current,
            stops::add, housekeeping, 10);
    final List<String> told = new CopyOnWriteArrayList<>();

    DeviceRegistryTest() {
        events.addListener(new EngineListener() {
            @Override
            public void deviceChanged(String deviceId, DeviceState from, DeviceState to, String reason) {
                told.add(deviceId + " " + from + "->" + to + " (" + reason + ")");
            }
        });
    }

    @AfterEach
    void tearDown() {
        registry.closeAll();
        caller.close();
        housekeeping.shutdownNow();
        events.close(1000);
    }

    /** A driver the test steers: it connects (saying so, or not) or refuses, and counts its releases. */
    static final class HandDriver implements DeviceDriver {
        final String id;
        volatile RuntimeException describeFailure;
        volatile int refusals;
        volatile boolean saysConnected = true;
        volatile String connectedReason = "";
        volatile RuntimeException disconnectFailure;
        volatile DeviceLink link;
        /** When set, connect waits for it to open, then refuses. */
        volatile java.util.concurrent.CountDownLatch gate;
        final AtomicInteger connects = new AtomicInteger();
        final AtomicInteger disconnects = new AtomicInteger();

        HandDriver(String id) {
            this.id = id;
        }

        @Override
        public DeviceDescriptor descriptor() {
            if (describeFailure != null) {
                throw describeFailure;
            }
            return new DeviceDescriptor(id, "test", "hand", List.of(ChannelDescriptor.plain(0, 50),
                    ChannelDescriptor.plain(1, 50)), 50, true, Duration.ofMillis(200));
        }

        @Override
        public void connect(DeviceLink l) {
            link = l;
            if (gate != null) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("gave up");
            }
            if (connects.incrementAndGet() <= refusals) {
                throw new IllegalStateException("port busy");
            }
            if (saysConnected) {
                l.connectionChanged(ConnectionState.CONNECTED, connectedReason);
            }
        }

        @Override
        public void disconnect() {
            disconnects.incrementAndGet();
            if (disconnectFailure != null) {
                throw disconnectFailure;
            }
        }
    }

    private DeviceSlot slot(String id) {
        DeviceSlot slot = registry.get(id);
        assertTrue(slot != null, "device " + id + " is known");
        return slot;
    }

    private void awaitState(String id, DeviceState state) {
        EngineFixture.await(id + " " + state, () -> registry.get(id) != null && registry.get(id).state() == state);
    }

    private List<Alarm> alarms(AlarmCondition condition) {
        return alarms.engineAlarms().stream().filter(a -> a.condition() == condition).toList();
    }

    private List<Map<String, Object>> deviceRecords() {
        return journal.ofType("device").stream().map(RecordingJournal.Entry::fields).toList();
    }

    private HandDriver ready(String id) {
        HandDriver driver = new HandDriver(id);
        registry.addDriver(driver);
        awaitState(id, DeviceState.READY);
        return driver;
    }

    @Test
    @Tag("SR-12")
    void aDriverThatCannotDescribeItsDeviceIsReportedAndNothingIsAttached() {
        HandDriver driver = new HandDriver("d-1");
        driver.describeFailure = new IllegalStateException("no id");
        registry.addDriver(driver);
        EngineFixture.await("the failure reported", () -> !alarms(AlarmCondition.DRIVER_FAILED).isEmpty());
        Alarm alarm = alarms(AlarmCondition.DRIVER_FAILED).get(0);
        assertEquals(AlarmPriority.MEDIUM, alarm.priority());
        assertEquals("driver " + HandDriver.class.getName() + " could not describe its device: "
                + "IllegalStateException: no id", alarm.message());
        assertEquals(0, registry.slots().length);
        assertEquals(0, driver.connects.get());
        assertFalse(latch.isSet());
    }

    @Test
    @Tag("SR-16")
    void anArrivingDeviceIsJournaledConnectedAndToldStepByStep() {
        ready("d-1");
        List<RecordingJournal.Entry> attached = journal.ofType("device-attached");
        assertEquals(1, attached.size());
        assertEquals(Map.of("device", "d-1", "driver", HandDriver.class.getName(), "channels", 2,
                "firstCommand", "vent"), attached.get(0).fields());
        assertEquals(List.of(
                Map.of("device", "d-1", "from", "DISCONNECTED", "to", "CONNECTING", "reason", "connecting"),
                Map.of("device", "d-1", "from", "CONNECTING", "to", "READY", "reason", "connected")),
                deviceRecords(), "an empty reason from the driver reads 'connected'");
        EngineFixture.await("the listener told", () -> told.size() == 2);
        assertEquals(List.of("d-1 DISCONNECTED->CONNECTING (connecting)", "d-1 CONNECTING->READY (connected)"), told);
        assertEquals(clock.nanoTime(), slot("d-1").readySinceNanos(), "ready from the engine clock's now");
        assertEquals(1, registry.statuses().size());
        assertEquals(DeviceState.READY, registry.statuses().get(0).state());
        assertEquals("connected", registry.statuses().get(0).reason());
    }

    @Test
    void aDriversOwnReasonForConnectingIsKept() {
        HandDriver driver = new HandDriver("d-1");
        driver.connectedReason = "on /dev/ttyUSB0";
        registry.addDriver(driver);
        awaitState("d-1", DeviceState.READY);
        assertEquals("on /dev/ttyUSB0", slot("d-1").stateReason());
    }

    @Test
    @Tag("SR-12")
    void aSecondDriverClaimingAnIdIsIgnoredAndReported() {
        HandDriver first = ready("d-1");
        HandDriver second = new HandDriver("d-1");
        registry.addDriver(second);
        EngineFixture.await("the clash reported", () -> !alarms(AlarmCondition.DRIVER_FAILED).isEmpty());
        assertTrue(alarms(AlarmCondition.DRIVER_FAILED).get(0).message().startsWith(
                "two drivers claim device id 'd-1'; the second"), alarms(AlarmCondition.DRIVER_FAILED).toString());
        assertEquals(1, registry.slots().length);
        assertTrue(slot("d-1").driver() == first);
        assertEquals(0, second.connects.get(), "the second driver is never connected");
    }

    @Test
    @Tag("SR-12")
    void aRefusedConnectIsReportedOnceVentedAndTriedAgainAfterTheWait() {
        HandDriver driver = new HandDriver("d-1");
        driver.refusals = 2;
        registry.addDriver(driver);
        awaitState("d-1", DeviceState.READY);
        assertEquals(3, driver.connects.get());
        List<Alarm> raised = alarms(AlarmCondition.DRIVER_FAILED);
        assertEquals(1, raised.size(), "one alarm for the episode: " + raised);
        assertEquals("driver of d-1: connect failed: IllegalStateException: port busy; trying again every 10 ms"
                + " and more, up to 30 s", raised.get(0).message());
        EngineFixture.await("each failed attempt released", () -> driver.disconnects.get() == 2);
        List<Map<String, Object>> records = deviceRecords();
        assertTrue(records.contains(Map.of("device", "d-1", "from", "CONNECTING", "to", "DISCONNECTED",
                "reason", "connect failed: IllegalStateException: port busy (attempt 1)")), records.toString());
        assertTrue(records.contains(Map.of("device", "d-1", "from", "DISCONNECTED", "to", "CONNECTING",
                "reason", "connecting again (attempt 2)")), records.toString());
        assertTrue(records.contains(Map.of("device", "d-1", "from", "DISCONNECTED", "to", "CONNECTING",
                "reason", "connecting again (attempt 3)")), records.toString());
        assertEquals(List.of(), alarms(AlarmCondition.DEVICE_LOST), "a device never there is not lost");
    }

    @Test
    @Tag("SR-09")
    void aReadyDeviceThatDropsIsVentedForgottenAndLostOnce() {
        HandDriver driver = ready("d-1");
        DeviceSlot slot = slot("d-1");
        slot.releaseForcedVent(0);
        slot.releaseForcedVent(1);
        driver.link.sample(0, 30.0);
        driver.link.connectionChanged(ConnectionState.DISCONNECTED, "cable");
        assertTrue(slot.isForcedVent(0) && slot.isForcedVent(1));
        assertTrue(Double.isNaN(slot.measuredKpa(0)), "what it said before is no reading of now");
        assertEquals(DeviceState.DISCONNECTED, slot.state());
        assertEquals("cable", slot.stateReason());
        List<Alarm> lost = alarms(AlarmCondition.DEVICE_LOST);
        assertEquals(1, lost.size());
        assertEquals(AlarmPriority.LOW, lost.get(0).priority());
        assertEquals("device d-1 disconnected: cable", lost.get(0).message());

        driver.link.connectionChanged(ConnectionState.CONNECTING, "retrying");
        assertEquals(DeviceState.CONNECTING, slot.state());
        driver.link.connectionChanged(ConnectionState.DISCONNECTED, "still no cable");
        assertEquals(1, alarms(AlarmCondition.DEVICE_LOST).size(), "a failed reconnect is no new loss");
    }

    @Test
    @Tag("SR-09")
    void aFaultedDeviceThatDropsIsLostToo() {
        HandDriver driver = ready("d-1");
        registry.fault(slot("d-1"), "over vacuum");
        assertEquals(DeviceState.FAULTED, slot("d-1").state());
        driver.link.connectionChanged(ConnectionState.DISCONNECTED, "cable");
        assertEquals(1, alarms(AlarmCondition.DEVICE_LOST).size());
    }

    @Test
    void aDriverThatReconnectsByItselfGoesThroughConnectingToReady() {
        HandDriver driver = ready("d-1");
        driver.link.connectionChanged(ConnectionState.DISCONNECTED, "cable");
        clock.advanceNanos(1_000_000_000L);
        driver.link.connectionChanged(ConnectionState.CONNECTED, "cable back");
        assertEquals(DeviceState.READY, slot("d-1").state());
        assertEquals("cable back", slot("d-1").stateReason());
        assertEquals(clock.nanoTime(), slot("d-1").readySinceNanos());
        List<Map<String, Object>> records = deviceRecords();
        assertEquals(Map.of("device", "d-1", "from", "DISCONNECTED", "to", "CONNECTING", "reason", "cable back"),
                records.get(records.size() - 2));
    }

    @Test
    void aConnectedWordFromAReadyDeviceChangesNothing() {
        HandDriver driver = ready("d-1");
        int before = deviceRecords().size();
        driver.link.connectionChanged(ConnectionState.CONNECTED, "again");
        driver.link.connectionChanged(ConnectionState.CONNECTING, "again");
        assertEquals(DeviceState.READY, slot("d-1").state());
        assertEquals(before, deviceRecords().size());
    }

    @Test
    @Tag("SR-13")
    void aDevicesOwnStopButtonIsTheEnginesEmergencyStop() {
        HandDriver driver = ready("d-1");
        driver.link.emergencyStop("button on d-1");
        assertEquals(List.of("button on d-1"), stops);
    }

    @Test
    @Tag("SR-09")
    void aDriverServiceLeavingVentsAndReleasesItsDevice() {
        HandDriver driver = ready("d-1");
        DeviceSlot slot = slot("d-1");
        driver.link.sample(1, 20.0);
        registry.removeDriver(new HandDriver("d-1")); // not one the registry knows
        assertEquals(1, registry.slots().length);
        registry.removeDriver(driver);
        assertEquals(0, registry.slots().length);
        assertNull(registry.get("d-1"));
        assertTrue(slot.isClosed());
        assertTrue(Double.isNaN(slot.measuredKpa(1)));
        assertEquals(DeviceState.DISCONNECTED, slot.state());
        assertEquals("driver service left", slot.stateReason());
        assertEquals("device d-1 left: its driver service was unregistered",
                alarms(AlarmCondition.DEVICE_LOST).get(0).message());
        EngineFixture.await("the driver released", () -> driver.disconnects.get() == 1);
    }

    @Test
    @Tag("SR-12")
    void aDriverThatFailsToDisconnectIsReported() {
        HandDriver driver = ready("d-1");
        driver.disconnectFailure = new IllegalStateException("stuck");
        registry.removeDriver(driver);
        EngineFixture.await("the failure reported", () -> !alarms(AlarmCondition.DRIVER_FAILED).isEmpty());
        assertEquals("driver of d-1: disconnect failed: IllegalStateException: stuck",
                alarms(AlarmCondition.DRIVER_FAILED).get(0).message());
    }

    @Test
    void closingReleasesEveryDevice() {
        HandDriver one = ready("d-1");
        HandDriver two = ready("d-2");
        DeviceSlot slot = slot("d-1");
        registry.closeAll();
        assertEquals(0, registry.slots().length);
        assertTrue(registry.snapshot().isEmpty());
        assertTrue(slot.isClosed());
        EngineFixture.await("both released", () -> one.disconnects.get() == 1 && two.disconnects.get() == 1);
    }

    @Test
    @Tag("SR-08")
    void aSilentDeviceIsVentedDisconnectedAndLatches() {
        ready("d-1");
        DeviceSlot slot = slot("d-1");
        slot.releaseForcedVent(0);
        registry.deviceSilent(slot, 250_000_000L);
        assertTrue(slot.isForcedVent(0));
        assertTrue(slot.isSilent());
        assertEquals(DeviceState.DISCONNECTED, slot.state());
        assertEquals("silent for 250 ms", slot.stateReason());
        assertTrue(latch.isLatched(SafetyLatch.Cause.FAULT));
        Alarm alarm = alarms(AlarmCondition.DEVICE_SILENT).get(0);
        assertEquals("device d-1 sent no sample for 250 ms; its channels are vented", alarm.message());
        assertEquals(AlarmPriority.HIGH, alarm.priority());
    }

    @Test
    @Tag("SR-08")
    void aSilentDeviceHeardAgainIsReadyFromNow() {
        ready("d-1");
        DeviceSlot slot = slot("d-1");
        registry.deviceSilent(slot, 250_000_000L);
        clock.advanceNanos(3_000_000_000L);
        registry.deviceHeard(slot);
        assertEquals(DeviceState.READY, slot.state());
        assertEquals("samples arrive again", slot.stateReason());
        assertEquals(clock.nanoTime(), slot.readySinceNanos());
        assertFalse(slot.isSilent());
    }

    @Test
    void aReadyDeviceHeardIsReadyFromNowWithoutAMove() {
        ready("d-1");
        DeviceSlot slot = slot("d-1");
        int before = deviceRecords().size();
        clock.advanceNanos(3_000_000_000L);
        registry.deviceHeard(slot);
        assertEquals(clock.nanoTime(), slot.readySinceNanos());
        assertEquals(before, deviceRecords().size());
    }

    @Test
    void aFaultedDeviceIsReadyAgainOnlyByAcknowledgement() {
        ready("d-1");
        ready("d-2");
        registry.fault(null, "nothing to fault"); // a device that left meanwhile
        registry.fault(slot("d-1"), "over vacuum on channel 0");
        assertEquals(DeviceState.FAULTED, slot("d-1").state());
        assertEquals("over vacuum on channel 0", slot("d-1").stateReason());
        int before = deviceRecords().size();
        registry.acknowledged("ann");
        assertEquals(DeviceState.READY, slot("d-1").state());
        assertEquals("fault acknowledged by ann", slot("d-1").stateReason());
        assertEquals(DeviceState.READY, slot("d-2").state());
        assertEquals(before + 1, deviceRecords().size(), "only the faulted device moved");
    }

    @Test
    void theSnapshotIsACopy() {
        ready("d-1");
        Map<String, DeviceSlot> snapshot = registry.snapshot();
        snapshot.clear();
        assertEquals(1, registry.snapshot().size());
        assertNotSame(registry.snapshot(), registry.snapshot());
    }

    /** A registry whose retries wait a minute, on an executor whose queue the test runs by hand. */
    private DeviceRegistry slowRetries(java.util.concurrent.ScheduledThreadPoolExecutor retries) {
        return new DeviceRegistry(clock, latch, journal, events, alarms, caller, current, stops::add, retries,
                60_000);
    }

    /** True once no plugin thread runs a call named so: its completion handlers have run by then. */
    private static boolean noThreadRuns(String call) {
        return Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().contains(call));
    }

    @Test
    @Tag("SR-12")
    void aConnectThatFailsAfterItsDriverLeftIsNeitherReportedNorTriedAgain() {
        java.util.concurrent.ScheduledThreadPoolExecutor retries = new java.util.concurrent.ScheduledThreadPoolExecutor(1);
        try {
            DeviceRegistry registry = slowRetries(retries);
            HandDriver driver = new HandDriver("d-late");
            driver.gate = new java.util.concurrent.CountDownLatch(1);
            registry.addDriver(driver);
            EngineFixture.await("connect under way", () -> driver.link != null);
            registry.removeDriver(driver);
            driver.gate.countDown();
            EngineFixture.await("the connect returned", () -> noThreadRuns("[driver of d-late: connect]"));
            assertEquals(List.of(), alarms(AlarmCondition.DRIVER_FAILED));
            assertTrue(retries.getQueue().isEmpty(), "no retry scheduled");
        } finally {
            retries.shutdownNow();
        }
    }

    @Test
    @Tag("SR-12")
    void aRetryFallingDueAfterItsDriverLeftConnectsNothing() throws Exception {
        java.util.concurrent.ScheduledThreadPoolExecutor retries = new java.util.concurrent.ScheduledThreadPoolExecutor(1);
        try {
            DeviceRegistry registry = slowRetries(retries);
            HandDriver driver = new HandDriver("d-gone");
            driver.refusals = 1;
            registry.addDriver(driver);
            EngineFixture.await("the retry is scheduled", () -> retries.getQueue().size() == 1);
            DeviceSlot slot = registry.get("d-gone");
            registry.removeDriver(driver);
            var retry = (java.util.concurrent.RunnableScheduledFuture<?>) retries.getQueue().peek();
            retries.remove(retry);
            retry.run(); // falls due now, by hand
            retry.get();
            assertEquals(DeviceState.DISCONNECTED, slot.state(), "no new attempt on a device that left");
            assertEquals(1, driver.connects.get());
        } finally {
            retries.shutdownNow();
        }
    }

    @Test
    void aRetryFallingDueWhileTheDeviceIsNoLongerDisconnectedConnectsNothing() throws Exception {
        java.util.concurrent.ScheduledThreadPoolExecutor retries = new java.util.concurrent.ScheduledThreadPoolExecutor(1);
        try {
            DeviceRegistry registry = slowRetries(retries);
            HandDriver driver = new HandDriver("d-back");
            driver.refusals = 1;
            registry.addDriver(driver);
            EngineFixture.await("the retry is scheduled", () -> retries.getQueue().size() == 1);
            driver.link.connectionChanged(ConnectionState.CONNECTED, "came back by itself");
            DeviceSlot slot = registry.get("d-back");
            assertEquals(DeviceState.READY, slot.state());
            var retry = (java.util.concurrent.RunnableScheduledFuture<?>) retries.getQueue().peek();
            retries.remove(retry);
            retry.run(); // falls due now, by hand
            retry.get(); // and did not fail
            assertEquals(DeviceState.READY, slot.state());
            assertEquals("came back by itself", slot.stateReason());
            assertEquals(1, driver.connects.get(), "no second connect");
        } finally {
            retries.shutdownNow();
        }
    }
}
