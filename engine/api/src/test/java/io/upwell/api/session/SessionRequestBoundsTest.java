package io.upwell.api.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.technique.ParameterValue;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A request is bounded before anything in it is copied or expanded (SR-17). */
@Tag("SR-17")
class SessionRequestBoundsTest {
    private static final Placement CUP = new Placement("sim-1", 0, new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, ""));

    private static SessionRequest request(List<Placement> placements, Map<String, ParameterValue> parameters) {
        return new SessionRequest("op", new Client("c", ""), null, "t", parameters, placements, 100);
    }

    @Test
    void aMillionCupsAreRefusedWithAShortMessageNamingTheBound() {
        // nCopies is a view: nothing of the million is built unless the request copies it.
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> request(Collections.nCopies(1_000_000, CUP), Map.of()));
        assertEquals("session request: at most 256 cups, got 1000000", refused.getMessage());
    }

    @Test
    void theBoundItselfIsAccepted() {
        assertEquals(SessionRequest.MAX_PLACEMENTS,
                request(Collections.nCopies(SessionRequest.MAX_PLACEMENTS, CUP), Map.of()).placements().size());
        assertThrows(IllegalArgumentException.class,
                () -> request(Collections.nCopies(SessionRequest.MAX_PLACEMENTS + 1, CUP), Map.of()));
    }

    @Test
    void tooManyParametersAreRefusedByCount() {
        Map<String, ParameterValue> parameters = new HashMap<>();
        for (int i = 0; i <= SessionRequest.MAX_PARAMETERS; i++) {
            parameters.put("p" + i, ParameterValue.of(1.0));
        }
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> request(List.of(CUP), parameters));
        assertTrue(refused.getMessage().contains("at most " + SessionRequest.MAX_PARAMETERS + " parameters"),
                refused.getMessage());
    }

    @Test
    void tooManyOverridesForOneCupAreRefusedByCount() {
        Map<String, ParameterValue> overrides = new HashMap<>();
        for (int i = 0; i <= SessionRequest.MAX_PARAMETERS; i++) {
            overrides.put("p" + i, ParameterValue.of(1.0));
        }
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> CUP.withOverrides(overrides));
        assertEquals("placement on sim-1 channel 0: at most " + SessionRequest.MAX_PARAMETERS + " overrides, got "
                + (SessionRequest.MAX_PARAMETERS + 1), refused.getMessage());
    }

    @Test
    void aZoneOutsideItsRangeIsRefusedNamingTheCup() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> CUP.inZone(-1));
        assertEquals("placement on sim-1 channel 0: zone must be 0 to 255, got -1", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CUP.inZone(Placement.MAX_ZONE + 1));
        assertEquals(Placement.MAX_ZONE, CUP.inZone(Placement.MAX_ZONE).zone().getAsInt());
    }
}
