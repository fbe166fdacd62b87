package io.upwell.launcher.itest;

import io.upwell.api.device.DeviceDriver;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * What the person on the couch would feel: the simulator's true cup vacuum, independent of what
 * the engine reports.
 * <p>
 * The simulator offers {@code truePressureKpa(int)} on its driver class for tests, but not in its
 * exported {@code SimulatorControl}; the driver's package is private to its bundle, so the method
 * is reached by reflection on the registered service object. If the simulator renames it, the
 * failure says so.
 */
public final class SimulatedCups {

    private static final String METHOD = "truePressureKpa";

    private SimulatedCups() {
    }

    public static double trueVacuumKpa(DeviceDriver simulator, int channel) {
        try {
            Method method = simulator.getClass().getMethod(METHOD, int.class);
            return (double) method.invoke(simulator, channel);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new AssertionError("the simulator driver " + simulator.getClass().getName() + " has no public "
                    + METHOD + "(int); cannot read the true cup vacuum", e);
        } catch (InvocationTargetException e) {
            throw new AssertionError(METHOD + "(" + channel + ") failed: " + e.getCause(), e.getCause());
        }
    }

    /** The true vacuum of every channel, for failure messages. */
    public static String describe(DeviceDriver simulator) {
        StringBuilder text = new StringBuilder();
        for (int channel = 0; channel < simulator.descriptor().channelCount(); channel++) {
            text.append(channel == 0 ? "" : ", ").append('#').append(channel).append('=')
                    .append(trueVacuumKpa(simulator, channel)).append(" kPa");
        }
        return text.toString();
    }
}
