package io.upwell.devices.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import io.upwell.devices.conformance.pty.PseudoTerminalPair;
import io.upwell.devices.emulator.internal.RequestCounters.Kind;
import io.upwell.devices.emulator.intervalvacuum.ChannelMode;
import io.upwell.devices.emulator.intervalvacuum.ExceptionCodes;
import io.upwell.devices.emulator.intervalvacuum.FaultWord;
import io.upwell.devices.emulator.intervalvacuum.HoldingRegisters;
import io.upwell.devices.emulator.intervalvacuum.InputRegisters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each emulator fault as the host sees it through j2mod's master, set at start or at run time. */
class LineFaultsOverPtyTest {
    private static final Duration BOUND = Duration.ofSeconds(15);
    private static final int TRIES = 5;

    @TempDir
    Path dir;
    private PseudoTerminalPair pty;
    private IntervalVacuumEmulator device;
    private HostMaster host;

    /** Opens the pty pair, starts the emulator on its device end with {@code options} applied, and the host on the other. */
    private void start(UnaryOperator<EmulatorOptions> options) throws Exception {
        pty = PseudoTerminalPair.start(dir);
        device = IntervalVacuumEmulator.start(options.apply(EmulatorOptions.onPort(pty.deviceEnd().toString()).withChannels(2).withSeed(7)));
        host = new HostMaster(pty.hostEnd().toString(), 1);
    }

    private void start() throws Exception {
        start(UnaryOperator.identity());
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        if (device != null) {
            device.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    @Test
    void droppedBytesMakeEveryReplyUnusableUntilCleared() throws Exception {
        start();
        device.apply(FaultCommand.parse("drop-bytes"));
        assertEveryReadFails("drop-bytes");
        device.apply(FaultCommand.parse("drop-bytes=off"));
        Await.until("a clean read after drop-bytes=off", BOUND, () -> readsIdentity());
    }

    @Test
    void corruptedFramesFailTheHostsCrcCheck() throws Exception {
        start();
        device.faults().corruptFrames(true);
        assertEveryReadFails("corrupt");
        device.faults().clearAll();
        Await.until("a clean read after clearing", BOUND, () -> readsIdentity());
    }

    @Test
    void aStallSwallowsRequestsForItsDurationThenTheDeviceAnswersAgain() throws Exception {
        start();
        long stalledAt = System.nanoTime();
        device.apply(FaultCommand.parse("stall=1.5"));
        assertThrows(ModbusException.class, () -> host.readInput(InputRegisters.DEVICE_TYPE));
        Await.until("an answer after the stall", BOUND, () -> readsIdentity());
        assertTrue(System.nanoTime() - stalledAt >= TimeUnit.MILLISECONDS.toNanos(1400),
                "no answer came before the stall's 1.5 s were over");
        assertTrue(device.counters().get(Kind.FAULT_DROPPED) >= 1);
    }

    @Test
    void aSilentDeviceAnswersNothingAndItsWatchdogVents() throws Exception {
        start();
        host.write(HoldingRegisters.WATCHDOG_TIMEOUT_MS, 200);
        Await.until("channel 0 pulls", BOUND, () -> {
            host.command(20, new int[] {ChannelMode.HOLD.code(), 0}, new double[] {15, 0});
            return host.measuredKpa(0) > 10;
        });
        device.apply(FaultCommand.parse("silent"));
        assertEveryReadFails("silent");
        // Its host's writes no longer reach it, so the device vents by itself: seen on the true pressure.
        Await.until("the silent device vents by itself", BOUND, () -> device.simulator().truePressureKpa(0) < 1);
        device.apply(FaultCommand.parse("silent=off"));
        Await.until("the watchdog-vent bit, once the device answers again", BOUND,
                () -> (host.faultWord() & FaultWord.WATCHDOG_VENT) != 0);
    }

    @Test
    void anOverPressureReadbackReportsMoreVacuumThanThereIs() throws Exception {
        start();
        Await.until("channel 1 reads ambient", BOUND, () -> Math.abs(host.measuredKpa(1)) < 1);
        device.apply(FaultCommand.parse("over-pressure=25"));
        Await.until("channel 1 reads about 25 kPa", BOUND, () -> Math.abs(host.measuredKpa(1) - 25) < 1);
        assertTrue(device.simulator().truePressureKpa(1) < 1, "the cup itself is still at ambient");
        assertEquals(0, host.faultWord() & FaultWord.OVER_PRESSURE,
                "the device protects on what it measures, not on what it reports");
        device.apply(FaultCommand.parse("over-pressure=off"));
        Await.until("channel 1 reads ambient again", BOUND, () -> Math.abs(host.measuredKpa(1)) < 1);
    }

    @Test
    void refusedCommandsComeBackAsTheExceptionCodeAndChangeNothing() throws Exception {
        start(options -> options.withFault(FaultCommand.parse("refuse")));
        ModbusSlaveException busy = assertThrows(ModbusSlaveException.class,
                () -> host.write(HoldingRegisters.PUMP_SET_POINT, 1000));
        assertEquals(ExceptionCodes.SERVER_DEVICE_BUSY, busy.getType());
        assertEquals(0, host.readHolding(HoldingRegisters.PUMP_SET_POINT, 1)[0], "reads still served, nothing written");
        device.apply(FaultCommand.parse("refuse=4"));
        assertEquals(ExceptionCodes.SERVER_DEVICE_FAILURE, assertThrows(ModbusSlaveException.class,
                () -> host.write(HoldingRegisters.PUMP_SET_POINT, 1000)).getType());
        device.apply(FaultCommand.parse("refuse=off"));
        host.write(HoldingRegisters.PUMP_SET_POINT, 1000);
        assertEquals(1000, host.readHolding(HoldingRegisters.PUMP_SET_POINT, 1)[0]);
    }

    @Test
    void exitStopsTheDeviceWithTheGivenStatus() throws Exception {
        start();
        assertTrue(readsIdentity());
        device.apply(FaultCommand.parse("exit=3"));
        assertEquals(3, device.exited().get(5, TimeUnit.SECONDS));
        assertThrows(ModbusException.class, () -> host.readInput(InputRegisters.DEVICE_TYPE));
        assertFalse(device.status().isEmpty());
    }

    @Test
    void theEmergencyStopButtonLatchesUntilCleared() throws Exception {
        start();
        device.apply(FaultCommand.parse("estop"));
        Await.until("the emergency-stop bit", BOUND, () -> (host.faultWord() & FaultWord.EMERGENCY_STOP) != 0);
        host.write(HoldingRegisters.FAULT_CLEAR, FaultWord.LATCHED);
        assertEquals(0, host.faultWord() & FaultWord.LATCHED);
    }

    @Test
    void aTypedLineSetsSeveralFaultsAtOnceOrNoneAtAll() throws Exception {
        start();
        assertEquals("applied: corrupt refuse=4", device.execute("corrupt refuse=4"));
        assertTrue(device.execute("status").contains("line faults: corrupt refuse=4"), device.status());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> device.execute("silent jam"));
        assertTrue(wrong.getMessage().contains("unknown fault 'jam'"), wrong.getMessage());
        assertFalse(device.status().contains("silent"), "a line with a wrong word applies nothing");
        device.execute("clear");
        assertTrue(device.status().contains("line faults: none"), device.status());
        assertTrue(device.execute("help").contains("drop-bytes"));
        assertTrue(readsIdentity());
    }

    private boolean readsIdentity() throws ModbusException {
        return host.readInput(InputRegisters.DEVICE_TYPE) == InputRegisters.DEVICE_TYPE_INTERVAL_VACUUM;
    }

    /** Every one of several reads fails at the host: the fault hits each reply, not some. */
    private void assertEveryReadFails(String fault) {
        for (int i = 0; i < TRIES; i++) {
            int attempt = i;
            assertThrows(ModbusException.class, () -> host.readInput(InputRegisters.DEVICE_TYPE, 10),
                    () -> "read " + attempt + " succeeded under " + fault);
        }
    }
}
