package io.upwell.devices.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ghgande.j2mod.modbus.ModbusSlaveException;
import io.upwell.devices.conformance.pty.PseudoTerminalPair;
import io.upwell.devices.emulator.intervalvacuum.ChannelMode;
import io.upwell.devices.emulator.intervalvacuum.ExceptionCodes;
import io.upwell.devices.emulator.intervalvacuum.FaultWord;
import io.upwell.devices.emulator.intervalvacuum.HoldingRegisters;
import io.upwell.devices.emulator.intervalvacuum.InputRegisters;
import io.upwell.devices.emulator.intervalvacuum.PumpState;
import io.upwell.devices.emulator.intervalvacuum.VacuumScaling;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The register map on the wire: the emulator on one end of a pty pair, j2mod's master on the other,
 * as a driver would talk to the real device.
 */
class RegisterMapOverPtyTest {
    private static final Duration PHYSICS = Duration.ofSeconds(15);
    private static final int HOLD = ChannelMode.HOLD.code();
    private static final int VENT = ChannelMode.VENT.code();

    @TempDir
    Path dir;
    private PseudoTerminalPair pty;
    private IntervalVacuumEmulator device;
    private HostMaster host;

    @BeforeEach
    void start() throws Exception {
        pty = PseudoTerminalPair.start(dir);
        device = IntervalVacuumEmulator.start(EmulatorOptions.onPort(pty.deviceEnd().toString()).withUnitId(7).withChannels(3)
                .withSerialNumber("IV-0042"));
        host = new HostMaster(pty.hostEnd().toString(), 7);
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
    void identityRegistersSayWhoTheDeviceIs() throws Exception {
        int[] identity = host.readInput(InputRegisters.DEVICE_TYPE, 10);
        assertEquals(InputRegisters.DEVICE_TYPE_INTERVAL_VACUUM, identity[InputRegisters.DEVICE_TYPE]);
        assertEquals(InputRegisters.PROTOCOL_VERSION_1_0, identity[InputRegisters.PROTOCOL_VERSION]);
        assertEquals(IntervalVacuumEmulator.FIRMWARE_VERSION, identity[InputRegisters.FIRMWARE_VERSION]);
        assertEquals(3, identity[InputRegisters.CHANNEL_COUNT]);
        assertEquals(7000, identity[InputRegisters.DEVICE_MAX_VACUUM], "70 kPa in 0.01 kPa");
        assertEquals(6000, identity[InputRegisters.CHANNEL_MAX_VACUUM], "60 kPa in 0.01 kPa");
        StringBuilder serial = new StringBuilder();
        for (int w = 0; w < InputRegisters.SERIAL_NUMBER_WORDS; w++) {
            int word = identity[InputRegisters.SERIAL_NUMBER + w];
            serial.append((char) (word >>> 8)).append((char) (word & 0xFF));
        }
        assertEquals("IV-0042 ", serial.toString());
    }

    @Test
    void theDeviceStartsVentedWithTheFactorySettings() throws Exception {
        int[] holding = host.readHolding(0, HoldingRegisters.END);
        assertEquals(HoldingRegisters.DEFAULT_WATCHDOG_MS, holding[HoldingRegisters.WATCHDOG_TIMEOUT_MS]);
        assertEquals(0, holding[HoldingRegisters.PUMP_SET_POINT]);
        for (int ch = 0; ch < 3; ch++) {
            assertEquals(VENT, holding[HoldingRegisters.channelMode(ch)]);
            assertEquals(HoldingRegisters.DEFAULT_PULSE_MS, holding[HoldingRegisters.pulseOnMs(ch)]);
        }
        assertEquals(PumpState.OFF.code(), host.readInput(InputRegisters.PUMP_STATE));
        assertEquals(0, host.faultWord());
    }

    @Test
    void aSetPointMakesTheMeasuredVacuumRise() throws Exception {
        Await.until("channel 0 measures 28 kPa or more", PHYSICS, () -> {
            host.command(40, new int[] {HOLD, VENT, VENT}, new double[] {30, 0, 0});
            return host.measuredKpa(0) >= 28;
        });
        assertEquals(PumpState.RUNNING.code(), host.readInput(InputRegisters.PUMP_STATE));
        assertEquals(3000, host.readInput(InputRegisters.PUMP_LEVEL));
        assertEquals(InputRegisters.VALVE_TO_PUMP, host.readInput(InputRegisters.valveState(0)));
        assertEquals(InputRegisters.VALVE_TO_ATMOSPHERE, host.readInput(InputRegisters.valveState(1)));
        assertTrue(host.measuredKpa(1) < 2, "a vented channel stays near ambient");
    }

    @Test
    void channelsAskingForDifferentLevelsGetTheLowest() throws Exception {
        Await.until("both channels settle near 20 kPa", PHYSICS, () -> {
            host.command(50, new int[] {HOLD, HOLD, VENT}, new double[] {35, 20, 0});
            double a = host.measuredKpa(0);
            double b = host.measuredKpa(1);
            return Math.abs(a - 20) < 1.5 && Math.abs(b - 20) < 1.5;
        });
        assertEquals(2000, host.readInput(InputRegisters.PUMP_LEVEL), "the pump holds the lowest level asked for");
        assertTrue(device.simulator().truePressureKpa(0) < 23, "channel 0 never gets its 35 kPa");
    }

    @Test
    void ventAllReleasesEveryChannel() throws Exception {
        Await.until("channel 0 measures 20 kPa or more", PHYSICS, () -> {
            host.command(30, new int[] {HOLD, HOLD, HOLD}, new double[] {25, 25, 25});
            return host.measuredKpa(0) >= 20;
        });
        host.write(HoldingRegisters.VENT_ALL, HoldingRegisters.VENT_ALL_KEY);
        assertEquals(0, host.readHolding(HoldingRegisters.PUMP_SET_POINT, 1)[0]);
        assertArrayEquals(new int[] {VENT, VENT, VENT}, host.readHolding(HoldingRegisters.CHANNEL_MODE_BASE, 3));
        Await.until("every channel back near ambient", PHYSICS, () -> {
            host.kick();
            return host.measuredKpa(0) < 1 && host.measuredKpa(1) < 1 && host.measuredKpa(2) < 1;
        });
        assertEquals(FaultWord.HOST_VENT, host.faultWord());
        ModbusSlaveException wrongKey = assertThrows(ModbusSlaveException.class,
                () -> host.write(HoldingRegisters.VENT_ALL, 1));
        assertEquals(ExceptionCodes.ILLEGAL_DATA_VALUE, wrongKey.getType());
    }

    @Test
    void aSilentHostMakesTheDeviceVentByItselfAndLatch() throws Exception {
        host.write(HoldingRegisters.WATCHDOG_TIMEOUT_MS, 300);
        Await.until("channel 1 measures 20 kPa or more", PHYSICS, () -> {
            host.command(30, new int[] {VENT, HOLD, VENT}, new double[] {0, 25, 0});
            return host.measuredKpa(1) >= 20;
        });
        // The host stops kicking; it only reads from now on.
        Await.until("the watchdog-vent bit", Duration.ofSeconds(5),
                () -> (host.faultWord() & FaultWord.WATCHDOG_VENT) != 0);
        assertEquals(PumpState.FAULTED.code(), host.readInput(InputRegisters.PUMP_STATE));
        assertEquals(VENT, host.readHolding(HoldingRegisters.channelMode(1), 1)[0], "the device shows what it does");
        Await.until("channel 1 vented to near ambient", PHYSICS, () -> host.measuredKpa(1) < 1);

        ModbusSlaveException refused = assertThrows(ModbusSlaveException.class,
                () -> host.command(30, new int[] {VENT, HOLD, VENT}, new double[] {0, 25, 0}));
        assertEquals(ExceptionCodes.SERVER_DEVICE_FAILURE, refused.getType(), "no pulling while latched");

        host.write(HoldingRegisters.FAULT_CLEAR, FaultWord.WATCHDOG_VENT);
        assertEquals(0, host.faultWord() & FaultWord.LATCHED);
        Await.until("channel 1 pulls again after the clear", PHYSICS, () -> {
            host.command(30, new int[] {VENT, HOLD, VENT}, new double[] {0, 15, 0});
            return host.measuredKpa(1) >= 12;
        });
    }

    @Test
    void badAddressesAndValuesDrawTheDocumentedExceptions() throws Exception {
        assertEquals(ExceptionCodes.ILLEGAL_DATA_ADDRESS, assertThrows(ModbusSlaveException.class,
                () -> host.readInput(InputRegisters.END, 1)).getType());
        assertEquals(ExceptionCodes.ILLEGAL_DATA_ADDRESS, assertThrows(ModbusSlaveException.class,
                () -> host.readHolding(HoldingRegisters.END - 1, 2)).getType());
        assertEquals(ExceptionCodes.ILLEGAL_DATA_VALUE, assertThrows(ModbusSlaveException.class,
                () -> host.write(HoldingRegisters.channelSetPoint(0), 6001)).getType(), "above the channel's 60 kPa");
        assertEquals(ExceptionCodes.ILLEGAL_DATA_VALUE, assertThrows(ModbusSlaveException.class,
                () -> host.write(HoldingRegisters.channelMode(3), HOLD)).getType(), "the device has 3 channels");
        assertEquals(ExceptionCodes.ILLEGAL_DATA_VALUE, assertThrows(ModbusSlaveException.class,
                () -> host.write(HoldingRegisters.WATCHDOG_TIMEOUT_MS, 0)).getType(), "the watchdog cannot be switched off");
        // A frame with one bad value changes nothing, not even the values before it.
        assertThrows(ModbusSlaveException.class, () -> host.write(HoldingRegisters.PUMP_SET_POINT, 1000, 0, 0, 99));
        assertEquals(0, host.readHolding(HoldingRegisters.PUMP_SET_POINT, 1)[0]);
        host.write(HoldingRegisters.channelSetPoint(2), VacuumScaling.setPointCounts(12.34));
        assertEquals(1234, host.readHolding(HoldingRegisters.channelSetPoint(2), 1)[0]);
    }
}
