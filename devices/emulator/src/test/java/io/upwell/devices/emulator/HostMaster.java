package io.upwell.devices.emulator;

import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.facade.ModbusSerialMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.SerialParameters;
import io.upwell.devices.emulator.intervalvacuum.HoldingRegisters;
import io.upwell.devices.emulator.intervalvacuum.InputRegisters;
import io.upwell.devices.emulator.intervalvacuum.SerialSettings;
import io.upwell.devices.emulator.intervalvacuum.VacuumScaling;

/**
 * The host's side in the tests: j2mod's Modbus RTU master on the other end of the pty pair, with the
 * few calls the tests make spelled out in the register map's terms. One try per request, so that a
 * fault shows on the request it hit.
 */
final class HostMaster implements AutoCloseable {
    /** How long the master waits for a reply. */
    static final int TIMEOUT_MS = 300;

    private final ModbusSerialMaster master;
    private final int unitId;
    private int kick;

    HostMaster(String port, int unitId) throws Exception {
        SerialParameters parameters = new SerialParameters();
        parameters.setPortName(port);
        parameters.setBaudRate(SerialSettings.DEFAULT_BAUD_RATE);
        parameters.setDatabits(SerialSettings.DATA_BITS);
        parameters.setParity("None");
        parameters.setStopbits(SerialSettings.STOP_BITS);
        parameters.setEncoding(Modbus.SERIAL_ENCODING_RTU);
        parameters.setEcho(false);
        this.unitId = unitId;
        this.master = new ModbusSerialMaster(parameters, TIMEOUT_MS);
        master.connect();
        // After connect: j2mod makes its transaction there, with its default of 5 tries, and only a
        // transaction that exists takes the setting.
        master.setRetries(1);
    }

    int[] readInput(int address, int quantity) throws ModbusException {
        InputRegister[] registers = master.readInputRegisters(unitId, address, quantity);
        int[] values = new int[registers.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = registers[i].toUnsignedShort();
        }
        return values;
    }

    int readInput(int address) throws ModbusException {
        return readInput(address, 1)[0];
    }

    int[] readHolding(int address, int quantity) throws ModbusException {
        Register[] registers = master.readMultipleRegisters(unitId, address, quantity);
        int[] values = new int[registers.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = registers[i].toUnsignedShort();
        }
        return values;
    }

    void write(int address, int value) throws ModbusException {
        master.writeSingleRegister(unitId, address, new SimpleRegister(value));
    }

    void write(int address, int... values) throws ModbusException {
        Register[] registers = new Register[values.length];
        for (int i = 0; i < values.length; i++) {
            registers[i] = new SimpleRegister(values[i]);
        }
        master.writeMultipleRegisters(unitId, address, registers);
    }

    /** One watchdog kick: a new counter value, as a host's command cycle writes it. */
    void kick() throws ModbusException {
        kick = (kick + 1) & 0xFFFF;
        write(HoldingRegisters.WATCHDOG_KICK, kick);
    }

    /** One command cycle of a host: the kick, the pump set point and every channel's mode and set point, in one frame. */
    void command(double pumpKpa, int[] modes, double[] setPointsKpa) throws ModbusException {
        kick = (kick + 1) & 0xFFFF;
        int last = HoldingRegisters.CHANNEL_SET_POINT_BASE + setPointsKpa.length;
        int[] block = new int[last - HoldingRegisters.WATCHDOG_KICK];
        block[0] = kick;
        block[HoldingRegisters.PUMP_SET_POINT - 1] = VacuumScaling.setPointCounts(pumpKpa);
        for (int ch = 0; ch < modes.length; ch++) {
            block[HoldingRegisters.channelMode(ch) - 1] = modes[ch];
            block[HoldingRegisters.channelSetPoint(ch) - 1] = VacuumScaling.setPointCounts(setPointsKpa[ch]);
        }
        write(HoldingRegisters.WATCHDOG_KICK, block);
    }

    double measuredKpa(int channel) throws ModbusException {
        return VacuumScaling.measuredKpa(readInput(InputRegisters.measuredVacuum(channel)));
    }

    int faultWord() throws ModbusException {
        return readInput(InputRegisters.FAULT_WORD);
    }

    @Override
    public void close() {
        master.disconnect();
    }
}
