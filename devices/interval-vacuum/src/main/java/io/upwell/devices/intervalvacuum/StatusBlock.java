package io.upwell.devices.intervalvacuum;

import io.upwell.devices.emulator.intervalvacuum.FaultWord;
import io.upwell.devices.emulator.intervalvacuum.InputRegisters;
import io.upwell.devices.emulator.intervalvacuum.VacuumScaling;

/**
 * One moment of the device, as the cycle's one read of input registers
 * {@code 0x0010 .. 0x0020+n-1} returns it: the fault word, the pump, the sample counter and every
 * channel's measured vacuum. The device refreshes these registers all at once, so they belong together.
 *
 * @param faultWord     FAULT_WORD ({@link FaultWord})
 * @param pumpState     PUMP_STATE
 * @param pumpLevelKpa  PUMP_LEVEL, in kPa
 * @param sampleCounter SAMPLE_COUNTER, 0 to 65535, advancing every 10 ms
 * @param measuredKpa   each channel's MEASURED_VACUUM in kPa below ambient; NaN where the sensor gave no reading
 */
record StatusBlock(int faultWord, int pumpState, double pumpLevelKpa, int sampleCounter, double[] measuredKpa) {
    /** The first register the cycle reads. */
    static final int ADDRESS = InputRegisters.FAULT_WORD;

    /** How many registers the cycle reads for {@code channels} channels. */
    static int quantity(int channels) {
        return InputRegisters.MEASURED_VACUUM_BASE - ADDRESS + channels;
    }

    /**
     * The status in a read answer for {@code channels} channels; null when the answer carries any other
     * number of registers (an answer to some other request, or nonsense that passed the CRC), so that it
     * never becomes a reading. Every value it gives is either NaN or what a signed register can hold,
     * -327.67 to 327.67 kPa, for channels {@code 0 .. channels-1} only.
     */
    static StatusBlock parse(RtuResponse answer, int channels) {
        if (answer.isException() || answer.registerCount() != quantity(channels)) {
            return null;
        }
        double[] measured = new double[channels];
        for (int ch = 0; ch < channels; ch++) {
            measured[ch] = VacuumScaling.measuredKpa(answer.register(InputRegisters.MEASURED_VACUUM_BASE - ADDRESS + ch));
        }
        return new StatusBlock(answer.register(InputRegisters.FAULT_WORD - ADDRESS),
                answer.register(InputRegisters.PUMP_STATE - ADDRESS),
                VacuumScaling.setPointKpa(answer.register(InputRegisters.PUMP_LEVEL - ADDRESS)),
                answer.register(InputRegisters.SAMPLE_COUNTER - ADDRESS), measured);
    }

    /** The latched bits of the fault word. */
    int latched() {
        return faultWord & FaultWord.LATCHED;
    }
}
