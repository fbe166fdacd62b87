package io.upwell.devices.simulator.internal;

import io.upwell.api.device.MagnetSupport;

/**
 * One channel of the simulated device: the physics of its cup and what its sensor reports, faults
 * included. Stepped by the physics thread only.
 */
final class SimulatedChannel {
    private final ChannelPhysics physics;
    private final MagnetSupport magnet;
    /** The channel's declared maximum: the firmware never regulates above it, whatever it is told. */
    private final double maxVacuumKpa;
    private double lastReadingKpa;
    /** The true vacuum after the last step, for readers on other threads. */
    private volatile double publishedPressureKpa;

    SimulatedChannel(ChannelPhysics physics, MagnetSupport magnet, double maxVacuumKpa) {
        this.physics = physics;
        this.magnet = magnet;
        this.maxVacuumKpa = maxVacuumKpa;
    }

    /**
     * Applies a command from the engine; the magnet level is interpreted as the cup's magnet allows,
     * and a target above the channel's declared maximum is held at that maximum, as a real
     * controller's own limit would (the engine never asks for more; a test or a faulty host might).
     */
    void command(double targetKpa, boolean vent, double magnetLevel) {
        physics.command(Math.min(targetKpa, maxVacuumKpa), vent, effectiveMagnet(magnetLevel));
    }

    /** Opens to atmosphere with the pump and the magnet off: the safe state. */
    void vent() {
        physics.command(0, true, 0);
    }

    void step(double dtSeconds, boolean leak, boolean regulatorFailed) {
        step(dtSeconds, leak, regulatorFailed, false);
    }

    void step(double dtSeconds, boolean leak, boolean regulatorFailed, boolean offTheSkin) {
        physics.faults(leak, regulatorFailed, offTheSkin);
        physics.step(dtSeconds);
        publishedPressureKpa = physics.pressureKpa();
    }

    /**
     * Reads the sensor. A stuck sensor repeats the reading it gave before it stuck; a NaN fault
     * garbles the value on its way out, so the sensor behind it keeps its own history.
     */
    double read(boolean stuck, boolean nan) {
        double fresh = physics.sensorReadingKpa();
        if (!stuck) {
            lastReadingKpa = fresh;
        }
        return nan ? Double.NaN : lastReadingKpa;
    }

    /** The true vacuum in the cup after the last step, which a stuck sensor no longer shows; any thread. */
    double pressureKpa() {
        return publishedPressureKpa;
    }

    /** Back to ambient, vented: the state a released device is found in. */
    void reset() {
        physics.reset();
        lastReadingKpa = 0;
        publishedPressureKpa = 0;
    }

    private double effectiveMagnet(double level) {
        if (!Double.isFinite(level)) {
            return 0;
        }
        return switch (magnet) {
            case NONE -> 0;
            case ON_OFF -> level >= 0.5 ? 1 : 0;
            case LEVEL -> Math.max(0, Math.min(1, level));
        };
    }
}
