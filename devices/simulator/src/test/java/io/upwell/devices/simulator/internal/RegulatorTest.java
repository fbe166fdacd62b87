package io.upwell.devices.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The simulated firmware's PI regulator: proportional and integral action, saturation, and no wind-up. */
class RegulatorTest {
    private static final double DT = 0.05;

    @Test
    void theProportionalTermIsTheGainTimesTheError() {
        Regulator proportionalOnly = new Regulator(0.1, 0.0);
        assertEquals(0.5, proportionalOnly.output(30.0, 25.0, DT), 1e-12);
        assertEquals(-0.3, proportionalOnly.output(20.0, 23.0, DT), 1e-12);
    }

    @Test
    void theIntegralAccumulatesTheErrorOverTimeUpToSaturation() {
        Regulator integralOnly = new Regulator(0.0, 1.0);
        assertEquals(0.5, integralOnly.output(30.0, 20.0, DT), 1e-12, "10 kPa for 50 ms at 1/(kPa s)");
        assertEquals(1.0, integralOnly.output(30.0, 20.0, DT), 1e-12, "exactly full pump duty is not saturated further");
        assertEquals(1.0, integralOnly.output(30.0, 20.0, DT), 1e-12, "and the output never exceeds full duty");
    }

    @Test
    void theIntegralReachesFullBleedTheSameWay() {
        Regulator integralOnly = new Regulator(0.0, 1.0);
        assertEquals(-0.5, integralOnly.output(20.0, 30.0, DT), 1e-12);
        assertEquals(-1.0, integralOnly.output(20.0, 30.0, DT), 1e-12);
        assertEquals(-1.0, integralOnly.output(20.0, 30.0, DT), 1e-12);
    }

    @Test
    void aLongClimbAtFullPumpDoesNotWindTheIntegralUp() {
        Regulator regulator = new Regulator(0.2, 1.0);
        for (int i = 0; i < 20; i++) {
            assertEquals(1.0, regulator.output(30.0, 20.0, DT), 1e-12);
        }
        assertEquals(-0.25, regulator.output(30.0, 31.0, DT), 1e-12,
                "at the first overshoot it bleeds: no integral was stored during the saturated climb");
    }

    @Test
    void aLongFallAtFullBleedDoesNotWindTheIntegralDown() {
        Regulator regulator = new Regulator(0.2, 1.0);
        for (int i = 0; i < 20; i++) {
            assertEquals(-1.0, regulator.output(20.0, 30.0, DT), 1e-12);
        }
        assertEquals(0.25, regulator.output(30.0, 29.0, DT), 1e-12);
    }

    @Test
    void theIntegralStopsGrowingOnceProportionalAndIntegralTogetherSaturate() {
        Regulator regulator = new Regulator(0.1, 1.0);
        assertEquals(0.75, regulator.output(30.0, 25.0, DT), 1e-12, "0.5 proportional + 0.25 integral");
        assertEquals(1.0, regulator.output(30.0, 25.0, DT), 1e-12, "0.5 + 0.5: exactly saturated, the integral is kept");
        assertEquals(1.0, regulator.output(30.0, 25.0, DT), 1e-12, "0.5 + 0.75 would saturate further: not kept");
        assertEquals(0.35, regulator.output(30.0, 31.0, DT), 1e-12, "-0.1 proportional + 0.45 integral");
    }

    @Test
    void resetForgetsTheAccumulatedError() {
        Regulator integralOnly = new Regulator(0.0, 1.0);
        integralOnly.output(30.0, 20.0, DT);
        integralOnly.reset();
        assertEquals(0.0, integralOnly.output(30.0, 30.0, DT), 1e-12);
    }
}
