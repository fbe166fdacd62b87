package io.upwell.api.technique;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.device.MagnetSupport;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** A technique reads a cup's own value where it has one and the session's otherwise. */
class PlanRequestTest {

    private static final BodySite BACK = new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, "");

    @Test
    void aCupsOverrideWinsOverTheSessionsValue() {
        Cup plain = Cup.of(0, BACK, 55);
        Cup own = Cup.of(1, BACK, 55).withOverrides(Map.of("targetKpa", ParameterValue.of(30)));
        PlanRequest request = new PlanRequest(List.of(plain, own), Map.of("targetKpa", ParameterValue.of(40),
                "speed", ParameterValue.of("slow"), "magnets", ParameterValue.of(true)));
        assertEquals(40, request.number("targetKpa", plain));
        assertEquals(30, request.number("targetKpa", own));
        assertEquals(40, request.number("targetKpa"));
        assertEquals("slow", request.choice("speed", own));
        assertTrue(request.toggle("magnets"));
    }

    @Test
    void aMissingOrMistypedParameterNamesItself() {
        PlanRequest request = new PlanRequest(List.of(Cup.of(0, BACK, 55)), Map.of("speed", ParameterValue.of("slow")));
        assertEquals("no parameter named 'targetKpa' in the request",
                assertThrows(NoSuchElementException.class, () -> request.number("targetKpa")).getMessage());
        assertEquals("parameter 'speed' is choice 'slow', not a number",
                assertThrows(IllegalStateException.class, () -> request.number("speed")).getMessage());
    }

    @Test
    void aCupDescribesItsMagnetPumpAndChain() {
        Cup cup = Cup.of(2, BACK, 40).withMagnet(MagnetSupport.LEVEL).withPumpGroup(7).inZone(3, List.of(1, 4));
        assertTrue(cup.magnetic());
        assertFalse(Cup.of(0, BACK, 40).magnetic());
        assertEquals(7, cup.pumpGroup());
        assertEquals(3, cup.zone().getAsInt());
        assertEquals(List.of(1, 4), cup.neighbours());
        assertEquals(2, Cup.of(2, BACK, 40).pumpGroup(), "a plain cup has its own pump");
        assertThrows(IllegalArgumentException.class, () -> Cup.of(0, BACK, 40).inZone(-2, List.of()));
    }
}
