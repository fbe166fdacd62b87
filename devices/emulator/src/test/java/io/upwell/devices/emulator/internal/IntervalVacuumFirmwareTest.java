package io.upwell.devices.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.devices.emulator.intervalvacuum.ChannelMode;
import io.upwell.devices.emulator.intervalvacuum.ExceptionCodes;
import io.upwell.devices.emulator.intervalvacuum.FaultWord;
import io.upwell.devices.emulator.intervalvacuum.HoldingRegisters;
import io.upwell.devices.emulator.intervalvacuum.InputRegisters;
import io.upwell.devices.emulator.intervalvacuum.PumpState;
import io.upwell.devices.emulator.intervalvacuum.VacuumScaling;
import io.upwell.devices.simulator.Fault;
import io.upwell.devices.simulator.SimulatedDevice;
import io.upwell.devices.simulator.SimulatorOptions;
import io.upwell.devices.simulator.Simulators;
import io.upwell.engine.testkit.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The firmware's rules on virtual time, with the simulator's physics behind it exactly as in the
 * emulator: the pump rule, the watchdog, interval mode, the latched faults and whole-frame writes.
 */
class IntervalVacuumFirmwareTest {
    private static final Duration STEP = Duration.ofMillis(10);
    private static final int HOLD = ChannelMode.HOLD.code();
    private static final int INTERVAL = ChannelMode.INTERVAL.code();

    private final ManualClock clock = new ManualClock();
    private IntervalVacuumFirmware firmware;
    private SimulatedDevice simulator;
    private int kick;

    @BeforeEach
    void powerUp() {
        firmware = new IntervalVacuumFirmware("iv-test", 3, 60, 70, "SN1", 0x0100, clock, () -> 0);
        clock.every(IntervalVacuumFirmware.TICK_NANOS, "firmware", firmware::tick);
        simulator = Simulators.create(SimulatorOptions.defaults().withId("iv-test").withChannels(3));
        simulator.connect(new FirmwareLink("iv-test", firmware, clock));
    }

    @AfterEach
    void powerDown() {
        simulator.disconnect();
    }

    private int write(int address, int... values) {
        byte[] data = new byte[2 * values.length];
        for (int i = 0; i < values.length; i++) {
            data[2 * i] = (byte) (values[i] >>> 8);
            data[2 * i + 1] = (byte) values[i];
        }
        return firmware.writeHolding(address, values.length, data, 0);
    }

    private int input(int address) {
        byte[] out = new byte[2];
        assertEquals(0, firmware.readInput(address, 1, out, 0));
        return ((out[0] & 0xFF) << 8) | (out[1] & 0xFF);
    }

    private int holding(int address) {
        byte[] out = new byte[2];
        assertEquals(0, firmware.readHolding(address, 1, out, 0));
        return ((out[0] & 0xFF) << 8) | (out[1] & 0xFF);
    }

    private void kick() {
        assertEquals(0, write(HoldingRegisters.WATCHDOG_KICK, ++kick));
    }

    /** Advances time while kicking every 100 ms, as a live host does. */
    private void runHosted(Duration duration) {
        for (long t = 0; t < duration.toMillis(); t += 100) {
            kick();
            clock.advance(Duration.ofMillis(100));
        }
    }

    private double measured(int channel) {
        return VacuumScaling.measuredKpa(input(InputRegisters.measuredVacuum(channel)));
    }

    @Test
    void nothingPullsBeforeTheHostHasKickedTheWatchdog() {
        assertEquals(0, write(HoldingRegisters.PUMP_SET_POINT, 4000));
        assertEquals(0, write(HoldingRegisters.channelMode(0), HOLD));
        assertEquals(0, write(HoldingRegisters.channelSetPoint(0), 3000));
        clock.advance(Duration.ofSeconds(2));
        assertTrue(firmware.commandVent(0));
        assertEquals(PumpState.OFF.code(), input(InputRegisters.PUMP_STATE));
        kick();
        clock.advance(STEP.multipliedBy(2));
        assertFalse(firmware.commandVent(0));
        assertEquals(30.0, firmware.commandKpa(0), 1e-9);
    }

    @Test
    void thePumpHoldsTheLowestLevelAskedForOnEveryOpenValve() {
        kick();
        write(HoldingRegisters.PUMP_SET_POINT, 5000, 0, 0);
        write(HoldingRegisters.CHANNEL_MODE_BASE, HOLD, HOLD, 0);
        write(HoldingRegisters.CHANNEL_SET_POINT_BASE, 3500, 2000, 4000);
        runHosted(Duration.ofSeconds(5));
        assertEquals(2000, input(InputRegisters.PUMP_LEVEL));
        assertEquals(20.0, firmware.commandKpa(0), 1e-9);
        assertEquals(20.0, firmware.commandKpa(1), 1e-9);
        assertTrue(firmware.commandVent(2), "a venting channel does not count and gets nothing");
        assertEquals(20.0, measured(0), 1.0);
        assertEquals(20.0, measured(1), 1.0);

        write(HoldingRegisters.PUMP_SET_POINT, 1500);
        runHosted(Duration.ofSeconds(3));
        assertEquals(1500, input(InputRegisters.PUMP_LEVEL), "the pump set point caps every channel");
        assertEquals(15.0, simulator.truePressureKpa(0), 1.0);
    }

    @Test
    void intervalModeOpensTheValveForTheOnTimeThenVentsForTheOffTime() {
        kick();
        write(HoldingRegisters.PUMP_SET_POINT, 3000);
        write(HoldingRegisters.pulseOnMs(0), 1000);
        write(HoldingRegisters.pulseOffMs(0), 500);
        write(HoldingRegisters.channelSetPoint(0), 2500);
        write(HoldingRegisters.channelMode(0), INTERVAL);
        clock.advance(Duration.ofMillis(500));
        kick();
        assertEquals(InputRegisters.VALVE_TO_PUMP, input(InputRegisters.valveState(0)));
        clock.advance(Duration.ofMillis(700));
        kick();
        assertEquals(InputRegisters.VALVE_TO_ATMOSPHERE, input(InputRegisters.valveState(0)), "1.2 s: in the 0.5 s off-time");
        assertEquals(PumpState.OFF.code(), input(InputRegisters.PUMP_STATE), "nothing pulls, so the pump rests");
        clock.advance(Duration.ofMillis(400));
        assertEquals(InputRegisters.VALVE_TO_PUMP, input(InputRegisters.valveState(0)), "1.6 s: on again");
    }

    @Test
    void aSilentHostMakesTheDeviceVentLatchAndRefuseToPullUntilCleared() {
        write(HoldingRegisters.WATCHDOG_TIMEOUT_MS, 500);
        kick();
        write(HoldingRegisters.PUMP_SET_POINT, 3000, 0, 0);
        write(HoldingRegisters.CHANNEL_MODE_BASE, HOLD);
        write(HoldingRegisters.CHANNEL_SET_POINT_BASE, 3000);
        runHosted(Duration.ofSeconds(3));
        assertTrue(measured(0) > 25);

        kick(); // the host's last word
        Duration silence = clock.advanceUntil("the watchdog vents", STEP, Duration.ofSeconds(2),
                () -> (input(InputRegisters.FAULT_WORD) & FaultWord.WATCHDOG_VENT) != 0);
        assertTrue(silence.toMillis() >= 500 && silence.toMillis() <= 520, "vented " + silence + " after the last kick");
        assertTrue(firmware.commandVent(0));
        assertEquals(ChannelMode.VENT.code(), holding(HoldingRegisters.channelMode(0)));
        assertEquals(PumpState.FAULTED.code(), input(InputRegisters.PUMP_STATE));
        clock.advanceUntil("the cup vents", STEP, Duration.ofSeconds(5), () -> measured(0) < 1);

        assertEquals(ExceptionCodes.SERVER_DEVICE_FAILURE, write(HoldingRegisters.channelMode(0), HOLD));
        assertEquals(0, write(HoldingRegisters.WATCHDOG_KICK, ++kick), "a bare kick is still taken");
        assertEquals(0, write(HoldingRegisters.FAULT_CLEAR, FaultWord.WATCHDOG_VENT));
        assertEquals(0, input(InputRegisters.FAULT_WORD));
        assertEquals(0, holding(HoldingRegisters.PUMP_SET_POINT), "a clear starts afresh");
        assertEquals(0, holding(HoldingRegisters.FAULT_CLEAR), "the clear register reads 0");
    }

    @Test
    void aWriteWithOneBadValueChangesNothing() {
        assertEquals(ExceptionCodes.ILLEGAL_DATA_VALUE, write(HoldingRegisters.CHANNEL_MODE_BASE, HOLD, 7));
        assertEquals(ChannelMode.VENT.code(), holding(HoldingRegisters.channelMode(0)));
        assertEquals(ExceptionCodes.ILLEGAL_DATA_VALUE, write(HoldingRegisters.pulseOnMs(0), 99));
        assertEquals(ExceptionCodes.ILLEGAL_DATA_VALUE, write(HoldingRegisters.pulseOnMs(3), 1000), "channel 3 does not exist");
        assertEquals(0, write(HoldingRegisters.pulseOnMs(3), 0), "but its registers take 0");
        assertEquals(ExceptionCodes.ILLEGAL_DATA_VALUE, write(0x0005, 1), "reserved");
        assertEquals(ExceptionCodes.ILLEGAL_DATA_VALUE, write(HoldingRegisters.PUMP_SET_POINT, 7001), "above the pump's 70 kPa");
        assertEquals(ExceptionCodes.ILLEGAL_DATA_ADDRESS, write(HoldingRegisters.END, 0));
    }

    @Test
    void aVacuumAboveTheChannelsMaximumLatchesOverPressure() {
        kick();
        write(HoldingRegisters.PUMP_SET_POINT, 5000, 0, 0);
        write(HoldingRegisters.CHANNEL_MODE_BASE, HOLD);
        write(HoldingRegisters.CHANNEL_SET_POINT_BASE, 5000);
        simulator.inject(Fault.OVERSHOOT, 0);
        Duration toLatch = Duration.ZERO;
        while ((input(InputRegisters.FAULT_WORD) & FaultWord.OVER_PRESSURE) == 0) {
            kick();
            clock.advance(Duration.ofMillis(100));
            toLatch = toLatch.plusMillis(100);
            assertTrue(toLatch.compareTo(Duration.ofSeconds(20)) < 0, "over-pressure latched within 20 s");
        }
        assertTrue(firmware.commandVent(0));
        runHosted(Duration.ofSeconds(5));
        assertTrue(simulator.truePressureKpa(0) < 5, "the valve's vent path still works under OVERSHOOT");
    }

    @Test
    void aPumpThatCannotReachHalfItsLevelLatchesAPumpFault() {
        kick();
        write(HoldingRegisters.PUMP_SET_POINT, 3000, 0, 0);
        write(HoldingRegisters.CHANNEL_MODE_BASE, HOLD);
        write(HoldingRegisters.CHANNEL_SET_POINT_BASE, 3000);
        simulator.inject(Fault.SEAL_LOST, 0);
        runHosted(Duration.ofSeconds(FaultWord.PUMP_FAULT_SECONDS - 1));
        assertEquals(0, input(InputRegisters.FAULT_WORD) & FaultWord.PUMP_FAULT);
        runHosted(Duration.ofSeconds(2));
        assertEquals(FaultWord.PUMP_FAULT, input(InputRegisters.FAULT_WORD) & FaultWord.PUMP_FAULT);
    }

    @Test
    void aNanReadingSetsTheLiveSensorBitAndTheInvalidMarker() {
        simulator.inject(Fault.NAN_SAMPLE, 2);
        clock.advance(STEP.multipliedBy(3));
        assertEquals(VacuumScaling.SENSOR_INVALID, input(InputRegisters.measuredVacuum(2)));
        assertEquals(FaultWord.SENSOR_FAULT, input(InputRegisters.FAULT_WORD));
        simulator.clear(Fault.NAN_SAMPLE, 2);
        clock.advance(STEP.multipliedBy(3));
        assertEquals(0, input(InputRegisters.FAULT_WORD), "a live bit follows its cause");
    }

    @Test
    void theSampleCounterAdvancesWithEveryMeasurement() {
        int before = input(InputRegisters.SAMPLE_COUNTER);
        clock.advance(Duration.ofMillis(100));
        assertEquals(before + 10, input(InputRegisters.SAMPLE_COUNTER));
    }
}
