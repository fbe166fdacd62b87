package io.upwell.devices.simulator.internal;

import java.util.Random;

/**
 * One cup on skin with its pump, leak, valves, sensor and regulator: a lumped model, stepped by hand.
 * <p>
 * The state is the gauge vacuum {@code P} in the cup (kPa below ambient). Flows are expressed as
 * the rate at which they would change {@code P} in the empty cup near ambient; the tissue drawn into
 * the cup makes the effective volume {@code 1 + compliance·P} grow with vacuum, which slows every
 * change at higher vacuum:
 * <pre>
 *   dP/dt = (pump − bleed − vent − leak) / (1 + compliance·P)
 *   pump  = duty · maxRise · (1 − P / ultimate)      duty from the regulator, 0..1
 *   bleed = opening · ventRate · P                   opening from the regulator, 0..1
 *   vent  = ventRate · P                             valve fully open, pump off
 *   leak  = leakRate · (1 − ½·magnet) · P            a magnet presses the rim down and halves the leak
 * </pre>
 * No threads and no clock: the caller supplies the commands and the elapsed time. Large steps are
 * split into substeps of at most {@value #MAX_SUBSTEP_SECONDS} s, so that explicit integration
 * stays stable and accurate whatever the caller's step.
 * <p>
 * Not thread-safe: one thread steps it.
 */
final class ChannelPhysics {
    static final double MAX_SUBSTEP_SECONDS = 0.002;
    private static final double FULL_MAGNET_LEAK_REDUCTION = 0.5;

    private final PhysicsSettings settings;
    private final Regulator regulator;
    private final Random sensorNoise;

    private double targetKpa;
    private boolean vent = true;
    private double magnetLevel;
    private boolean leakFault;
    private boolean offTheSkin;
    private boolean regulatorFault;

    private double pressureKpa;

    /**
     * @param noiseSeed seeds the sensor's noise, so that a run can be repeated exactly
     */
    ChannelPhysics(PhysicsSettings settings, long noiseSeed) {
        this.settings = settings;
        this.regulator = new Regulator(settings.regulatorProportionalGain(), settings.regulatorIntegralGain());
        this.sensorNoise = new Random(noiseSeed);
    }

    /**
     * Sets what the device has been told to do. Venting wins over any target; a target that is not
     * a finite non-negative number is treated as a vent, as a careful firmware would.
     */
    void command(double targetKpa, boolean vent, double magnetLevel) {
        boolean usable = Double.isFinite(targetKpa) && targetKpa >= 0;
        this.vent = vent || !usable;
        this.targetKpa = usable ? targetKpa : 0;
        this.magnetLevel = Double.isFinite(magnetLevel) ? Math.max(0, Math.min(1, magnetLevel)) : 0;
    }

    /** Sets the physical faults: a large leak, and a regulator that pumps regardless of the target. */
    void faults(boolean leak, boolean regulatorFailed) {
        faults(leak, regulatorFailed, false);
    }

    /** Sets the physical faults, and whether the cup is off the skin (open to the room). */
    void faults(boolean leak, boolean regulatorFailed, boolean offTheSkin) {
        this.leakFault = leak;
        this.regulatorFault = regulatorFailed;
        this.offTheSkin = offTheSkin;
    }

    /** Advances the model by {@code dtSeconds} of physical time. */
    void step(double dtSeconds) {
        if (!(dtSeconds >= 0) || Double.isInfinite(dtSeconds)) {
            throw new IllegalArgumentException("time step must be a finite number of seconds >= 0, got " + dtSeconds);
        }
        int substeps = (int) Math.ceil(dtSeconds / MAX_SUBSTEP_SECONDS);
        double h = substeps == 0 ? 0 : dtSeconds / substeps;
        for (int i = 0; i < substeps; i++) {
            substep(h);
        }
    }

    private void substep(double h) {
        if (offTheSkin) {
            // Open to the room: the regulator sees ambient and pumps on; the cup holds nothing.
            regulator.output(targetKpa, 0, h);
            pressureKpa = 0;
            return;
        }
        double p = pressureKpa;
        double flow;
        if (vent) {
            regulator.reset();
            flow = -settings.ventRatePerSecond() * p;
        } else {
            double demand = regulatorFault ? 1.0 : regulator.output(targetKpa, p, h);
            double pump = Math.max(demand, 0) * settings.pumpMaxRiseKpaPerSecond()
                    * Math.max(0, 1 - p / settings.pumpUltimateVacuumKpa());
            double bleed = Math.max(-demand, 0) * settings.ventRatePerSecond() * p;
            flow = pump - bleed;
        }
        double leakRate = leakFault ? settings.leakFaultRatePerSecond() : settings.leakRatePerSecond();
        flow -= leakRate * (1 - FULL_MAGNET_LEAK_REDUCTION * magnetLevel) * p;
        double effectiveVolume = 1 + settings.tissueCompliancePerKpa() * p;
        // A pump cannot push the cup above ambient: gauge vacuum stays at or above zero.
        pressureKpa = Math.max(0, p + h * flow / effectiveVolume);
    }

    /** The true vacuum in the cup, in kPa. */
    double pressureKpa() {
        return pressureKpa;
    }

    /** What the sensor reads now: the true vacuum plus Gaussian noise. Each call draws new noise. */
    double sensorReadingKpa() {
        return pressureKpa + settings.sensorNoiseKpa() * sensorNoise.nextGaussian();
    }

    /** Back to ambient and vented, with the regulator reset: a device that has been left alone. */
    void reset() {
        pressureKpa = 0;
        vent = true;
        targetKpa = 0;
        regulator.reset();
    }
}
