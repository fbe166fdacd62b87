package io.upwell.api.units;

import java.util.Locale;

/** The pressure units the engine accepts and prints. All are gauge vacuum (below ambient). */
public enum PressureUnit {
    /** Kilopascal, the engine's internal unit. */
    KPA("kPa", 1.0),
    /** Millimetres of mercury, the usual unit of cupping literature and medical devices. */
    MMHG("mmHg", 101.325 / 760.0),
    /** Millibar, the usual unit of interval vacuum systems. */
    MBAR("mbar", 0.1);

    private final String symbol;
    private final double kpaPerUnit;

    PressureUnit(String symbol, double kpaPerUnit) {
        this.symbol = symbol;
        this.kpaPerUnit = kpaPerUnit;
    }

    /** The symbol printed after a value, for example {@code mmHg}. */
    public String symbol() {
        return symbol;
    }

    /** Converts a value in this unit to kilopascal. */
    public double toKpa(double value) {
        return value * kpaPerUnit;
    }

    /** Converts a value in kilopascal to this unit. */
    public double fromKpa(double kpa) {
        return kpa / kpaPerUnit;
    }

    /**
     * Finds a unit by its symbol or name, ignoring case ({@code kPa}, {@code mmhg}, {@code MBAR}).
     *
     * @throws IllegalArgumentException naming the unknown text and the accepted symbols
     */
    public static PressureUnit parse(String text) {
        if (text != null) {
            String wanted = text.trim().toLowerCase(Locale.ROOT);
            for (PressureUnit unit : values()) {
                if (unit.symbol.toLowerCase(Locale.ROOT).equals(wanted)
                        || unit.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return unit;
                }
            }
        }
        throw new IllegalArgumentException(
                "unknown pressure unit '" + text + "': use kPa, mmHg or mbar");
    }
}
