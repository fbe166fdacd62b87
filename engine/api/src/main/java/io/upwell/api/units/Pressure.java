package io.upwell.api.units;

import java.util.Locale;

/**
 * A gauge vacuum: how far below ambient, in kilopascal, positive meaning more suction.
 * <p>
 * Values are finite; zero is ambient. Slightly negative values are legal because a real sensor
 * reads a little above ambient when a cup vents.
 *
 * @param kpa kilopascal below ambient
 */
public record Pressure(double kpa) implements Comparable<Pressure> {

    /** Ambient pressure: no vacuum. */
    public static final Pressure AMBIENT = new Pressure(0.0);

    public Pressure {
        if (!Double.isFinite(kpa)) {
            throw new IllegalArgumentException("pressure must be a finite number, got " + kpa);
        }
    }

    public static Pressure ofKpa(double kpa) {
        return new Pressure(kpa);
    }

    public static Pressure ofMmHg(double mmHg) {
        return new Pressure(PressureUnit.MMHG.toKpa(mmHg));
    }

    public static Pressure ofMbar(double mbar) {
        return new Pressure(PressureUnit.MBAR.toKpa(mbar));
    }

    public static Pressure of(double value, PressureUnit unit) {
        return new Pressure(unit.toKpa(value));
    }

    public double mmHg() {
        return PressureUnit.MMHG.fromKpa(kpa);
    }

    public double mbar() {
        return PressureUnit.MBAR.fromKpa(kpa);
    }

    public double in(PressureUnit unit) {
        return unit.fromKpa(kpa);
    }

    /** Formats the value in a unit with one decimal, for example {@code 300.0 mmHg}. */
    public String format(PressureUnit unit) {
        return String.format(Locale.ROOT, "%.1f %s", in(unit), unit.symbol());
    }

    @Override
    public int compareTo(Pressure other) {
        return Double.compare(kpa, other.kpa);
    }

    @Override
    public String toString() {
        return format(PressureUnit.KPA);
    }
}
