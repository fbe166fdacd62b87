package io.upwell.devices.simulator.internal;

/**
 * The device's own PI pressure regulator, as real vacuum devices carry in firmware.
 * <p>
 * Its output runs from -1 to 1: positive is pump duty, negative opens the bleed valve so the
 * channel can follow a falling target. The integral stops growing while the output is saturated
 * in the direction of the error, so a long climb does not wind it up into an overshoot.
 */
final class Regulator {
    private final double proportionalGain;
    private final double integralGain;
    private double integral;

    Regulator(double proportionalGain, double integralGain) {
        this.proportionalGain = proportionalGain;
        this.integralGain = integralGain;
    }

    /** One regulator update: the actuator demand for this error, from -1 (bleed) to 1 (pump). */
    double output(double targetKpa, double pressureKpa, double dtSeconds) {
        double error = targetKpa - pressureKpa;
        double proportional = proportionalGain * error;
        double candidateIntegral = clamp(integral + integralGain * error * dtSeconds);
        double unclamped = proportional + candidateIntegral;
        boolean saturatedFurther = (unclamped > 1 && error > 0) || (unclamped < -1 && error < 0);
        if (!saturatedFurther) {
            integral = candidateIntegral;
        }
        return clamp(proportional + integral);
    }

    /** Forgets the accumulated error, as the firmware does whenever the channel vents. */
    void reset() {
        integral = 0;
    }

    private static double clamp(double value) {
        return Math.max(-1.0, Math.min(1.0, value));
    }
}
