package io.upwell.devices.intervalvacuum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.CommandSet;
import io.upwell.devices.emulator.intervalvacuum.ChannelMode;
import io.upwell.devices.emulator.intervalvacuum.FaultWord;
import io.upwell.devices.emulator.intervalvacuum.HoldingRegisters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command block the cycle writes, and the status and identity blocks it reads. */
class RegisterBlocksTest {

    @Test
    void theCommandBlockCarriesTheKickTheLowestPullingLevelAndEveryChannel() {
        CommandSet commands = new CommandSet(4);
        commands.set(0, 30, false, 0);
        commands.set(1, 20.004, false, 0);
        commands.set(2, 45, true, 0); // told to vent: does not count
        commands.set(3, 0, false, 0); // asked for nothing: vents
        commands.setSequence(0x1_2345L);

        int[] values = CommandBlock.values(commands, 60, 70);

        assertEquals(CommandBlock.quantity(4), values.length);
        assertEquals(0x23, values.length, "0x0001 .. 0x0023: kick through channel 3's set point");
        assertEquals(0x2345, values[at(HoldingRegisters.WATCHDOG_KICK)], "the low 16 bits of the sequence");
        assertEquals(2000, values[at(HoldingRegisters.PUMP_SET_POINT)], "the lowest level asked for, 20.00 kPa");
        assertEquals(0, values[at(HoldingRegisters.VENT_ALL)]);
        assertEquals(0, values[at(HoldingRegisters.FAULT_CLEAR)], "the cycle never clears a fault");
        assertEquals(ChannelMode.HOLD.code(), values[at(HoldingRegisters.channelMode(0))]);
        assertEquals(3000, values[at(HoldingRegisters.channelSetPoint(0))]);
        assertEquals(ChannelMode.HOLD.code(), values[at(HoldingRegisters.channelMode(1))]);
        assertEquals(2000, values[at(HoldingRegisters.channelSetPoint(1))]);
        assertEquals(ChannelMode.VENT.code(), values[at(HoldingRegisters.channelMode(2))]);
        assertEquals(0, values[at(HoldingRegisters.channelSetPoint(2))]);
        assertEquals(ChannelMode.VENT.code(), values[at(HoldingRegisters.channelMode(3))]);
        for (int ch = 4; ch < HoldingRegisters.MAX_CHANNELS; ch++) {
            assertEquals(0, values[at(HoldingRegisters.channelMode(ch))], "a channel the device does not have");
        }
    }

    @Test
    void aCommandBlockWithEveryChannelVentedStopsThePump() {
        CommandSet commands = new CommandSet(2);
        commands.ventAll();

        int[] values = CommandBlock.values(commands, 60, 70);

        assertEquals(0, values[at(HoldingRegisters.PUMP_SET_POINT)]);
        assertEquals(0, values[at(HoldingRegisters.channelMode(0))]);
        assertEquals(0, values[at(HoldingRegisters.channelMode(1))]);
    }

    @Test
    void targetsAreCappedAtTheMaxima() {
        CommandSet commands = new CommandSet(1);
        commands.set(0, 120, false, 0);

        int[] values = CommandBlock.values(commands, 60, 70);

        assertEquals(6000, values[at(HoldingRegisters.channelSetPoint(0))]);
        assertEquals(6000, values[at(HoldingRegisters.PUMP_SET_POINT)]);
    }

    @Test
    void theStatusBlockGivesEveryChannelsReading() {
        int[] registers = new int[StatusBlock.quantity(3)];
        registers[0] = FaultWord.EMERGENCY_STOP | FaultWord.SENSOR_FAULT; // 0x0010
        registers[1] = 1; // pump running
        registers[2] = 2500; // pump level
        registers[3] = 777; // sample counter
        registers[0x10] = 2512; // channel 0: 25.12 kPa
        registers[0x11] = 0x8000; // channel 1: no reading
        registers[0x12] = 0xFFF6; // channel 2: -0.10 kPa

        StatusBlock status = StatusBlock.parse(RtuRequestsTest.response(Frames.readAnswer(1, 4, registers)), 3);

        assertEquals(FaultWord.EMERGENCY_STOP, status.latched());
        assertEquals(777, status.sampleCounter());
        assertEquals(25.0, status.pumpLevelKpa(), 1e-9);
        assertArrayEquals(new double[] {25.12, Double.NaN, -0.10}, status.measuredKpa(), 1e-9);
    }

    @Test
    void aStatusAnswerOfAnotherSizeIsNoStatus() {
        assertNull(StatusBlock.parse(RtuRequestsTest.response(Frames.readAnswer(1, 4, new int[StatusBlock.quantity(2)])), 3));
        assertNull(StatusBlock.parse(RtuRequestsTest.response(Frames.withCrc("01 84 02")), 3));
    }

    @Test
    void theIdentityBlockAndHowADeviceDiffersFromTheConfiguredOne() {
        DriverSettings settings = DriverSettings.defaults("iv-1", "/dev/null").withExpectedSerial("IV000002");
        IdentityBlock matching = IdentityBlock.parse(RtuRequestsTest.response(Frames.readAnswer(1, 4, 0x4956, 0x0103,
                0x0201, 4, 7000, 6000, 'I' << 8 | 'V', '0' << 8 | '0', '0' << 8 | '0', '0' << 8 | '2')));

        assertEquals("IV000002", matching.serialNumber());
        assertEquals("2.1", matching.firmware());
        assertEquals(List.of(), matching.differencesFrom(settings), "a minor version of the map is the same map");

        IdentityBlock other = new IdentityBlock(0x4956, 0x0200, 0x0100, 4, 80, 50, "IV000003");
        List<String> differences = other.differencesFrom(settings);
        assertEquals(4, differences.size(), differences.toString());
        assertTrue(differences.get(0).startsWith("it speaks register map version 2.0"), differences.get(0));
        assertEquals("its pump's maximum is 80.00 kPa, configured 70.00 kPa", differences.get(1));
        assertEquals("its channel maximum is 50.00 kPa, configured 60.00 kPa", differences.get(2));
        assertEquals("its serial number is 'IV000003', configured 'IV000002'", differences.get(3));

        IdentityBlock notOurs = new IdentityBlock(0x1234, 0x0100, 0x0100, 4, 70, 60, "X");
        assertEquals(List.of("its device type is 0x1234, not 0x4956 (\"IV\", an interval vacuum system)"),
                notOurs.differencesFrom(settings));
    }

    private static int at(int address) {
        return address - CommandBlock.ADDRESS;
    }
}
