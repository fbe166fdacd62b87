package io.upwell.launcher.itest;

import io.upwell.devices.simulator.SimulatorControl;

/**
 * What the person on the couch would feel: the simulator's true cup vacuum, independent of what
 * the engine reports.
 */
public final class SimulatedCups {

    private SimulatedCups() {
    }

    public static double trueVacuumKpa(SimulatorControl simulator, int channel) {
        return simulator.truePressureKpa(channel);
    }

    /** The true vacuum of every channel, for failure messages. */
    public static String describe(SimulatorControl simulator, int channels) {
        StringBuilder text = new StringBuilder();
        for (int channel = 0; channel < channels; channel++) {
            text.append(channel == 0 ? "" : ", ").append('#').append(channel).append('=')
                    .append(trueVacuumKpa(simulator, channel)).append(" kPa");
        }
        return text.toString();
    }
}
