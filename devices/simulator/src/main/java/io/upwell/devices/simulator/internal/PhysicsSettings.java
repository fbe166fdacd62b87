package io.upwell.devices.simulator.internal;

import static io.upwell.devices.simulator.internal.Checks.inRange;
import static io.upwell.devices.simulator.internal.Checks.positiveAtMost;

/**
 * The physical constants of one simulated channel: pump, leak, tissue, valves, sensor and regulator.
 * <p>
 * Flows are given as the rate of change of vacuum they would cause in the empty cup at ambient
 * pressure (kPa/s); the tissue drawn into the cup slows them as vacuum grows (see
 * {@link ChannelPhysics}). Component names match the configuration properties, so a validation
 * message names the property to fix.
 *
 * @param pumpMaxRiseKpaPerSecond   the pump's free rise near ambient, flat out
 * @param pumpUltimateVacuumKpa     the vacuum at which the pump's flow has fallen to zero
 * @param leakRatePerSecond         the normal leak past the cup's rim, as a fraction of the vacuum per second
 * @param leakFaultRatePerSecond    the same under the {@code LEAK} fault: large enough that the target is out of reach
 * @param tissueCompliancePerKpa    how much the effective volume grows per kPa of vacuum as tissue is drawn in
 * @param ventRatePerSecond         the vent valve's flow, fully open, as a fraction of the vacuum per second
 * @param sensorNoiseKpa            the standard deviation of the sensor's Gaussian noise
 * @param regulatorProportionalGain the device's own PI regulator: pump duty per kPa of error
 * @param regulatorIntegralGain     the device's own PI regulator: pump duty per kPa·s of accumulated error
 */
public record PhysicsSettings(
        double pumpMaxRiseKpaPerSecond,
        double pumpUltimateVacuumKpa,
        double leakRatePerSecond,
        double leakFaultRatePerSecond,
        double tissueCompliancePerKpa,
        double ventRatePerSecond,
        double sensorNoiseKpa,
        double regulatorProportionalGain,
        double regulatorIntegralGain) {

    /** Vacuum cannot exceed ambient pressure, about 101 kPa; a pump reaching 100 kPa would be perfect. */
    static final double MAX_ULTIMATE_VACUUM_KPA = 100.0;

    public PhysicsSettings {
        positiveAtMost("pumpMaxRiseKpaPerSecond", pumpMaxRiseKpaPerSecond, 200.0, "kPa/s");
        positiveAtMost("pumpUltimateVacuumKpa", pumpUltimateVacuumKpa, MAX_ULTIMATE_VACUUM_KPA, "kPa");
        inRange("leakRatePerSecond", leakRatePerSecond, 0.0, 10.0, "per second");
        inRange("leakFaultRatePerSecond", leakFaultRatePerSecond, 0.0, 100.0, "per second");
        if (leakFaultRatePerSecond <= leakRatePerSecond) {
            throw new IllegalArgumentException("leakFaultRatePerSecond (" + leakFaultRatePerSecond
                    + ") must be larger than leakRatePerSecond (" + leakRatePerSecond + "): the fault is a larger leak");
        }
        inRange("tissueCompliancePerKpa", tissueCompliancePerKpa, 0.0, 0.1, "per kPa");
        positiveAtMost("ventRatePerSecond", ventRatePerSecond, 200.0, "per second");
        inRange("sensorNoiseKpa", sensorNoiseKpa, 0.0, 5.0, "kPa");
        positiveAtMost("regulatorProportionalGain", regulatorProportionalGain, 10.0, "per kPa");
        inRange("regulatorIntegralGain", regulatorIntegralGain, 0.0, 10.0, "per kPa·s");
    }

    /**
     * A small cup on a back with a diaphragm pump: rises at up to 25 kPa/s near ambient, 85 kPa
     * ultimate vacuum, a 2 %/s leak, a response time of about 0.3 s at 30 kPa growing to about 0.85 s
     * at 60 kPa, and a vent that empties the cup within a few hundred milliseconds.
     */
    public static PhysicsSettings defaults() {
        return new PhysicsSettings(25.0, 85.0, 0.02, 1.0, 0.01, 25.0, 0.05, 0.25, 0.04);
    }
}
