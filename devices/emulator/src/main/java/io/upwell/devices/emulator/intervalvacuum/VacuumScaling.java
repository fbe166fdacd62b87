package io.upwell.devices.emulator.intervalvacuum;

/**
 * Vacuum on the wire: a register holds kPa below ambient in units of 0.01 kPa. Set points are unsigned
 * (0 to the channel's maximum); measured values are signed 16-bit (a sensor's noise can read a little
 * below ambient), and {@link #SENSOR_INVALID} marks a reading the sensor could not make.
 */
public final class VacuumScaling {
    /** One register count, in kPa. */
    public static final double KPA_PER_COUNT = 0.01;
    /** 0x8000 in a measured-vacuum register: the sensor gave no valid reading. */
    public static final int SENSOR_INVALID = 0x8000;

    private VacuumScaling() {
    }

    /**
     * A set point in register counts, rounded to the nearest 0.01 kPa; zero for zero, negative or NaN.
     *
     * @throws IllegalArgumentException above 655.35 kPa, which no register can hold
     */
    public static int setPointCounts(double kpa) {
        if (!(kpa > 0)) {
            return 0;
        }
        long counts = Math.round(kpa / KPA_PER_COUNT);
        if (counts > 0xFFFF) {
            throw new IllegalArgumentException("a set point of " + kpa + " kPa does not fit a register (at most 655.35 kPa)");
        }
        return (int) counts;
    }

    /** A set point register's value, 0 to 0xFFFF, in kPa. */
    public static double setPointKpa(int register) {
        return (register & 0xFFFF) * KPA_PER_COUNT;
    }

    /**
     * A measured vacuum as a register value: signed counts clamped to -327.67..327.67 kPa, or
     * {@link #SENSOR_INVALID} for NaN.
     */
    public static int measuredCounts(double kpa) {
        if (Double.isNaN(kpa)) {
            return SENSOR_INVALID;
        }
        long counts = Math.round(kpa / KPA_PER_COUNT);
        counts = Math.max(-0x7FFF, Math.min(0x7FFF, counts));
        return (int) counts & 0xFFFF;
    }

    /** A measured-vacuum register's value in kPa; NaN for {@link #SENSOR_INVALID}. */
    public static double measuredKpa(int register) {
        int value = register & 0xFFFF;
        if (value == SENSOR_INVALID) {
            return Double.NaN;
        }
        return (short) value * KPA_PER_COUNT;
    }
}
