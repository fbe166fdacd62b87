package io.upwell.devices.example.internal;

import io.upwell.devices.conformance.pty.PseudoTerminalPair;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.ConnectionState;
import io.upwell.engine.testkit.RecordingLink;
import io.upwell.engine.testkit.WallClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the conformance kit cannot know about the EX-2, over a real pseudo-terminal pair: its stop
 * button, and a device that cannot hold what the driver declares. Your own driver's tests go here:
 * every behaviour of your protocol the kit does not check.
 */
class ExampleDriverOverPtyTest {
    @TempDir
    Path dir;
    private PseudoTerminalPair socat;
    private WallClock clock;
    private RecordingLink link;
    private ExampleDriver driver;
    private Ex2Emulator device;

    @BeforeEach
    void lineAndEngine() {
        socat = PseudoTerminalPair.start(dir);
        clock = new WallClock();
        link = new RecordingLink(clock, ExampleDriver.CHANNELS);
        link.startEngineTicks();
        driver = new ExampleDriver(new ExampleSettings(socat.hostEnd().toString(), 115_200, "ex-1"));
    }

    @AfterEach
    void close() {
        driver.disconnect();
        if (device != null) {
            device.close();
        }
        socat.close();
        clock.close();
    }

    @Test
    void theDevicesStopButtonReachesTheEngineAsAnEmergencyStop() {
        device = Ex2Emulator.start(socat.deviceEnd().toString());
        driver.connect(link);
        awaitUntil("CONNECTED", () -> link.connectionStates().contains(ConnectionState.CONNECTED));

        device.pressStopButton();

        awaitUntil("an emergency stop", () -> !link.emergencyStops().isEmpty());
        assertEquals(List.of("ex-1 button"), link.emergencyStops());
    }

    @Test
    void aDeviceThatHoldsLessThanTheDriverDeclaresIsNeverConnected() {
        device = Ex2Emulator.start(socat.deviceEnd().toString(), ExampleDriver.MODEL, ExampleDriver.CHANNELS, 40);
        driver.connect(link);

        awaitUntil("the handshake refused twice", () -> link.connectionChanges().stream()
                .filter(change -> change.reason().contains("holds at most 40.0 kPa, less than the 60.0 kPa")).count() >= 2);
        assertFalse(link.connectionStates().contains(ConnectionState.CONNECTED));
    }

    @Test
    void anotherModelIsRefusedNamingBoth() {
        device = Ex2Emulator.start(socat.deviceEnd().toString(), "EX-4", 4, 60);
        driver.connect(link);

        awaitUntil("the handshake refused", () -> link.connectionChanges().stream()
                .anyMatch(change -> change.reason().contains("it is model 'EX-4', configured 'EX-2'; it has 4 channels, configured 2")));
        assertFalse(link.connectionStates().contains(ConnectionState.CONNECTED));
        assertTrue(device.trueKpa(0) < 1, "nothing pulled on a device that was never accepted");
    }

    /** Polls until the condition holds; the deadline only stops a broken test from hanging. */
    private static void awaitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited 20 s in vain for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
