package io.upwell.devices.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelPhysicsTest {
    private static final double STEP = 0.01;

    private final PhysicsSettings defaults = PhysicsSettings.defaults();

    /** Runs the model for {@code seconds} in 10 ms steps, as the driver does. */
    private static void run(ChannelPhysics physics, double seconds) {
        for (int i = 0; i < Math.round(seconds / STEP); i++) {
            physics.step(STEP);
        }
    }

    private ChannelPhysics holdingAt(double kpa) {
        ChannelPhysics physics = new ChannelPhysics(defaults, 1);
        physics.command(kpa, false, 0);
        run(physics, 20);
        return physics;
    }

    @Test
    void startsAtAmbientAndVented() {
        ChannelPhysics physics = new ChannelPhysics(defaults, 1);
        physics.command(0, true, 0);
        run(physics, 1);
        assertEquals(0.0, physics.pressureKpa());
    }

    @Test
    void pressureLagsBehindAStepInTarget() {
        ChannelPhysics physics = new ChannelPhysics(defaults, 1);
        physics.command(40, false, 0);

        physics.step(STEP);
        double afterOneStep = physics.pressureKpa();
        run(physics, 0.09);
        double after100ms = physics.pressureKpa();

        // The pump's free rise near ambient is 25 kPa/s: at most 0.25 kPa in 10 ms, 2.5 kPa in 100 ms.
        assertTrue(afterOneStep > 0 && afterOneStep <= 0.25 + 1e-9, "after 10 ms: " + afterOneStep);
        assertTrue(after100ms > afterOneStep && after100ms <= 2.5 + 1e-9, "after 100 ms: " + after100ms);
    }

    @Test
    void reachesWithinOneKpaOfTargetInAFewSecondsAndStaysThere() {
        ChannelPhysics physics = new ChannelPhysics(defaults, 1);
        physics.command(40, false, 0);

        double seconds = 0;
        while (Math.abs(physics.pressureKpa() - 40) > 1 && seconds < 10) {
            physics.step(STEP);
            seconds += STEP;
        }
        assertTrue(seconds <= 4, "took " + seconds + " s to come within 1 kPa of 40 kPa");
        for (int i = 0; i < 1000; i++) {
            physics.step(STEP);
            assertEquals(40, physics.pressureKpa(), 1.0, "left the 1 kPa band after settling");
        }
    }

    @Test
    void followsSmallChangesWithATimeConstantOfAFewTenthsOfASecond() {
        for (double base : new double[] {30, 60}) {
            ChannelPhysics physics = holdingAt(base);
            double start = physics.pressureKpa();
            physics.command(base + 2, false, 0);
            double seconds = 0;
            while (physics.pressureKpa() - start < 0.632 * 2 && seconds < 5) {
                physics.step(0.001);
                seconds += 0.001;
            }
            assertTrue(seconds >= 0.25 && seconds <= 1.0,
                    "time constant at " + base + " kPa was " + seconds + " s, expected 0.25..1 s");
        }
    }

    @Test
    void followsAFallingTargetThroughTheBleedValve() {
        ChannelPhysics physics = holdingAt(50);
        physics.command(20, false, 0);
        run(physics, 3);
        assertEquals(20, physics.pressureKpa(), 1.0);
    }

    @Test
    void ventEmptiesTheCupWithinAFewHundredMilliseconds() {
        ChannelPhysics physics = holdingAt(60);
        assertEquals(60, physics.pressureKpa(), 0.5);

        physics.command(40, true, 0);
        run(physics, 0.1);
        double after100ms = physics.pressureKpa();
        run(physics, 0.2);

        assertTrue(after100ms < 15, "after 100 ms of venting: " + after100ms);
        assertTrue(physics.pressureKpa() < 0.5, "after 300 ms of venting: " + physics.pressureKpa());
    }

    @Test
    void aLeakKeepsTheTargetOutOfReach() {
        ChannelPhysics physics = new ChannelPhysics(defaults, 1);
        physics.faults(true, false);
        physics.command(40, false, 0);
        run(physics, 30);
        // Flat out against a 1/s leak the pump balances near 19 kPa.
        assertTrue(physics.pressureKpa() < 25, "with a leak: " + physics.pressureKpa());
    }

    @Test
    void aLeakThatEndsLetsTheTargetBeReached() {
        ChannelPhysics physics = new ChannelPhysics(defaults, 1);
        physics.faults(true, false);
        physics.command(40, false, 0);
        run(physics, 10);
        physics.faults(false, false);
        run(physics, 10);
        assertEquals(40, physics.pressureKpa(), 1.0);
    }

    @Test
    void aFailedRegulatorPumpsPastTheTargetTowardTheUltimateVacuum() {
        ChannelPhysics physics = new ChannelPhysics(defaults, 1);
        physics.faults(false, true);
        physics.command(40, false, 0);
        run(physics, 5);
        double after5s = physics.pressureKpa();
        run(physics, 25);

        assertTrue(after5s > 40 + 2.7, "after 5 s: " + after5s);
        assertTrue(physics.pressureKpa() > 75, "after 30 s: " + physics.pressureKpa());
        assertTrue(physics.pressureKpa() < defaults.pumpUltimateVacuumKpa(), "beyond the pump's ultimate vacuum");
    }

    @Test
    void theVentValveStillWorksWhenTheRegulatorHasFailed() {
        ChannelPhysics physics = new ChannelPhysics(defaults, 1);
        physics.faults(false, true);
        physics.command(40, false, 0);
        run(physics, 5);
        physics.command(0, true, 0);
        run(physics, 0.5);
        assertTrue(physics.pressureKpa() < 0.5, "vented with a failed regulator: " + physics.pressureKpa());
    }

    @Test
    void aMagnetHalvesTheLeakSoTheCupHoldsWithLessPumping() {
        ChannelPhysics plain = new ChannelPhysics(defaults, 1);
        ChannelPhysics magnetic = new ChannelPhysics(defaults, 1);
        plain.faults(true, false);
        magnetic.faults(true, false);
        plain.command(40, false, 0);
        magnetic.command(40, false, 1);
        run(plain, 30);
        run(magnetic, 30);
        assertTrue(magnetic.pressureKpa() > plain.pressureKpa() + 3,
                "magnet " + magnetic.pressureKpa() + " vs plain " + plain.pressureKpa());
    }

    @Test
    void anUnusableTargetIsTreatedAsVent() {
        for (double target : new double[] {Double.NaN, -5, Double.POSITIVE_INFINITY}) {
            ChannelPhysics physics = holdingAt(40);
            physics.command(target, false, 0);
            run(physics, 0.5);
            assertTrue(physics.pressureKpa() < 0.5, "target " + target + " left " + physics.pressureKpa());
        }
    }

    @Test
    void largeStepsGiveTheSameResultAsSmallOnes() {
        ChannelPhysics fine = new ChannelPhysics(defaults, 1);
        ChannelPhysics coarse = new ChannelPhysics(defaults, 1);
        fine.command(40, false, 0);
        coarse.command(40, false, 0);
        run(fine, 2);
        coarse.step(2);
        assertEquals(fine.pressureKpa(), coarse.pressureKpa(), 0.01);
    }

    @Test
    void aBadTimeStepIsRefusedByName() {
        ChannelPhysics physics = new ChannelPhysics(defaults, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> physics.step(-0.01));
        assertTrue(e.getMessage().contains("-0.01"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> physics.step(Double.NaN));
    }

    @Test
    void sensorNoiseIsSmallAndReproducibleBySeed() {
        List<Double> first = readings(42);
        List<Double> again = readings(42);
        List<Double> otherSeed = readings(43);

        assertEquals(first, again);
        assertNotEquals(first, otherSeed);
        double mean = first.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double variance = first.stream().mapToDouble(v -> (v - mean) * (v - mean)).average().orElseThrow();
        assertEquals(30, mean, 0.01);
        assertEquals(defaults.sensorNoiseKpa(), Math.sqrt(variance), 0.005);
    }

    private List<Double> readings(long seed) {
        ChannelPhysics physics = new ChannelPhysics(defaults, seed);
        physics.command(30, false, 0);
        run(physics, 20);
        List<Double> readings = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            readings.add(physics.sensorReadingKpa() - physics.pressureKpa() + 30);
        }
        return readings;
    }
}
