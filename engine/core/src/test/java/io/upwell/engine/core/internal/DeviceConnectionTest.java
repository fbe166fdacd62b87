package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.ConnectionState;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceDriver;
import io.upwell.api.device.DeviceLink;
import io.upwell.api.device.DeviceState;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.devices.simulator.Fault;
import io.upwell.engine.core.internal.settings.EngineSettings;
import io.upwell.devices.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Devices that fail to connect are tried again with back-off; a loss is told once; nothing stale is shown. */
@Tag("SR-09")
class DeviceConnectionTest {
    @TempDir
    Path dir;
    EngineFixture f;

    @BeforeEach
    void setUp() {
        f = new EngineFixture(EngineSettings.builder(dir).virtualClock(true).connectRetryMillis(10)
                .pluginCallTimeoutMillis(200).build(),
                SimulatorOptions.defaults());
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    /** Refuses the first {@code failures} connects, then connects. */
    private static final class FlakyDriver implements DeviceDriver {
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicReference<DeviceLink> link = new AtomicReference<>();
        private final int failures;

        FlakyDriver(int failures) {
            this.failures = failures;
        }

        @Override
        public DeviceDescriptor descriptor() {
            return new DeviceDescriptor("flaky-1", "test", "flaky", List.of(ChannelDescriptor.plain(0, 50)), 50, true,
                    Duration.ofMillis(200));
        }

        @Override
        public void connect(DeviceLink l) {
            if (attempts.incrementAndGet() <= failures) {
                throw new IllegalStateException("port busy");
            }
            link.set(l);
            l.connectionChanged(ConnectionState.CONNECTED, "at last");
        }

        @Override
        public void disconnect() {
        }
    }

    @Test
    void aFailedConnectIsTriedAgainWithBackOffAndReportedOncePerEpisode() {
        FlakyDriver driver = new FlakyDriver(3);
        f.addDriver(driver);
        f.awaitDevice("flaky-1", DeviceState.READY);
        assertEquals(4, driver.attempts.get(), "three refusals, then connected");
        assertEquals(1, f.engineAlarms(AlarmCondition.DRIVER_FAILED).size(), "one alarm for the episode, not one per retry");
    }

    @Test
    void theWaitDoublesUpToThirtySeconds() {
        DeviceRegistry registry = new DeviceRegistry(null, null, null, null, null, null, null, s -> { }, null, 1000);
        assertEquals(1000, registry.retryWait(1));
        assertEquals(2000, registry.retryWait(2));
        assertEquals(16_000, registry.retryWait(5));
        assertEquals(30_000, registry.retryWait(6));
        assertEquals(30_000, registry.retryWait(60), "no overflow however long it keeps failing");
    }

    @Test
    void aDeviceThatKeepsFailingToReconnectIsLostOnceAndShowsNoStaleReadings() {
        FlakyDriver driver = new FlakyDriver(0);
        f.addDriver(driver);
        f.awaitDevice("flaky-1", DeviceState.READY);
        DeviceLink link = driver.link.get();
        link.sample(0, 30.0);
        link.connectionChanged(ConnectionState.DISCONNECTED, "cable pulled");
        for (int retry = 0; retry < 5; retry++) {
            link.connectionChanged(ConnectionState.CONNECTING, "retry " + retry);
            link.connectionChanged(ConnectionState.DISCONNECTED, "retry " + retry + " failed");
        }
        assertEquals(1, f.engineAlarms(AlarmCondition.DEVICE_LOST).size(), "one loss, however many failed retries");
        assertTrue(Double.isNaN(f.slot("flaky-1").measuredKpa(0)), "the reading from before the loss is gone");
    }

    @Test
    @Tag("SR-07")
    void aDisconnectMidSessionRaisesNoFollowOnSensorFault() throws Exception {
        f.start(2, java.util.Map.of("targetKpa", 30.0, "holdSeconds", 60.0));
        f.advance(Duration.ofSeconds(8));
        f.simulator.inject(Fault.DISCONNECT, -1);
        f.advance(Duration.ofSeconds(15)); // longer than the frozen-sensor check would need on stale readings
        assertTrue(f.engineAlarms(AlarmCondition.SENSOR_FAULT).isEmpty()
                        && f.engine.current().orElseThrow().snapshot().alarms().stream()
                                .noneMatch(a -> a.condition() == AlarmCondition.SENSOR_FAULT),
                "a lost device is a lost device, not a sensor fault");
    }

    @Test
    @Tag("SR-12")
    void aConnectThatSaysConnectedThenHangsLeavesTheDeviceVentedAndDisconnected() {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger attempts = new AtomicInteger();
        DeviceDriver hanging = new DeviceDriver() {
            @Override
            public DeviceDescriptor descriptor() {
                return new DeviceDescriptor("hang-1", "test", "hangs", List.of(ChannelDescriptor.plain(0, 50)), 50,
                        true, Duration.ofMillis(200));
            }

            @Override
            public void connect(DeviceLink l) throws InterruptedException {
                l.connectionChanged(ConnectionState.CONNECTED, "says connected");
                if (attempts.incrementAndGet() == 1) {
                    release.await(); // then never returns in time
                }
            }

            @Override
            public void disconnect() {
            }
        };
        try {
            f.addDriver(hanging);
            EngineFixture.await("the hung connect is given up", () -> attempts.get() >= 2);
            assertEquals(1, f.engineAlarms(AlarmCondition.DRIVER_FAILED).size(), "reported once");
            assertTrue(f.engineAlarms(AlarmCondition.DRIVER_FAILED).get(0).message().contains("no answer"),
                    f.engineAlarms(AlarmCondition.DRIVER_FAILED).get(0).message());
            f.awaitDevice("hang-1", DeviceState.READY); // the second attempt connects in time
        } finally {
            release.countDown();
        }
    }

    @Test
    @Tag("SR-12")
    void aTimedOutConnectVentsTheDeviceEvenIfItSaidConnected() {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicReference<DeviceLink> link = new AtomicReference<>();
        DeviceDriver hanging = new DeviceDriver() {
            @Override
            public DeviceDescriptor descriptor() {
                return new DeviceDescriptor("hang-2", "test", "hangs", List.of(ChannelDescriptor.plain(0, 50)), 50,
                        true, Duration.ofMillis(200));
            }

            @Override
            public void connect(DeviceLink l) throws InterruptedException {
                link.set(l);
                l.connectionChanged(ConnectionState.CONNECTED, "says connected");
                release.await();
            }

            @Override
            public void disconnect() {
            }
        };
        try {
            f.addDriver(hanging);
            EngineFixture.await("given up", () -> !f.engineAlarms(AlarmCondition.DRIVER_FAILED).isEmpty());
            EngineFixture.await("marked disconnected", () -> f.engine.devices().stream()
                    .anyMatch(d -> d.descriptor().id().equals("hang-2") && d.state() != DeviceState.READY));
            assertTrue(f.slot("hang-2").isForcedVent(0), "vented, not left as it was");
        } finally {
            release.countDown();
        }
    }
}
