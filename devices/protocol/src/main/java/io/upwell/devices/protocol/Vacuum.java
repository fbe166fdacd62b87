package io.upwell.devices.protocol;

/**
 * Converts between the engine's kPa and the wire's hundredths of a kPa (10 Pa, 0.1 mbar, 0.075 mmHg:
 * finer than any cup's regulation, and 0 to 655.35 kPa fits in 16 bits).
 */
public final class Vacuum {

    private Vacuum() {
    }

    /** A wire value in kPa. */
    public static double kpa(int centiKpa) {
        return centiKpa / 100.0;
    }

    /**
     * kPa as a set point on the wire: rounded to the nearest step and held to 0 .. 65535, so no value
     * the engine hands a driver (NaN included, which becomes 0, the safe side) fails to encode.
     */
    public static int setPoint(double kpa) {
        if (!(kpa > 0)) {
            return 0;
        }
        return (int) Math.min(0xFFFF, Math.round(kpa * 100));
    }

    /**
     * kPa as a sample reading on the wire: rounded and held to -32767 .. 32767; NaN becomes
     * {@link Sample#NO_READING}.
     */
    public static int reading(double kpa) {
        if (Double.isNaN(kpa)) {
            return Sample.NO_READING;
        }
        return (int) Math.max(-Short.MAX_VALUE, Math.min(Short.MAX_VALUE, Math.round(kpa * 100)));
    }
}
