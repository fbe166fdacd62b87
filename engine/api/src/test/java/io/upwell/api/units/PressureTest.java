package io.upwell.api.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class PressureTest {

    @Test
    void convertsBetweenTherapyUnits() {
        // 300 mmHg is the pressure Wang 2020 found most effective; 40.0 kPa in the engine's unit.
        assertEquals(39.997, Pressure.ofMmHg(300).kpa(), 0.001);
        assertEquals(20.0, Pressure.ofKpa(2.666).mmHg(), 0.01);
        assertEquals(70.0, Pressure.ofMbar(70).mbar(), 1e-9);
        assertEquals(7.0, Pressure.ofMbar(70).kpa(), 1e-9);
        assertEquals("300.0 mmHg", Pressure.ofMmHg(300).format(PressureUnit.MMHG));
    }

    @Test
    @Tag("SR-17")
    void rejectsValuesThatAreNotNumbers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pressure.ofKpa(Double.NaN));
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pressure.ofKpa(Double.POSITIVE_INFINITY));
    }

    @Test
    @Tag("SR-17")
    void parsesUnitSymbolsAndNamesTheUnknownOne() {
        assertEquals(PressureUnit.MMHG, PressureUnit.parse("mmHg"));
        assertEquals(PressureUnit.MBAR, PressureUnit.parse(" MBAR "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PressureUnit.parse("psi"));
        assertTrue(e.getMessage().contains("'psi'"), e.getMessage());
    }
}
