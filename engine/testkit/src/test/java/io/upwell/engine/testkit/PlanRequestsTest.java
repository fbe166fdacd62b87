package io.upwell.engine.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.technique.Cup;
import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.ParameterValue;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.technique.TechniqueStyle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanRequestsTest {
    private final TechniqueDescriptor descriptor = TechniqueDescriptor.of("pulse", "Pulse", TechniqueStyle.STATIC,
            "test technique", List.of(ParameterSpec.number("targetKpa", "kPa", 8, 60, 40).perCup(),
                    ParameterSpec.number("holdSeconds", "s", 10, 900, 300)));

    @Test
    void everyDeclaredParameterAtItsDefaultInAMapTheTestMayChange() {
        Map<String, ParameterValue> parameters = PlanRequests.defaultParameters(descriptor);
        assertEquals(Map.of("targetKpa", ParameterValue.of(40), "holdSeconds", ParameterValue.of(300)), parameters);

        parameters.put("targetKpa", ParameterValue.of(99));
        assertEquals(ParameterValue.of(99), parameters.get("targetKpa"), "nothing is checked: the engine checks ranges");
        assertEquals(2, PlanRequests.defaultParameters(descriptor).size(), "each call is a new map");
    }

    @Test
    void aRequestWithDefaultsCarriesTheCupsAndTheDefaults() {
        List<Cup> cups = List.of(PlanRequests.cup(0, BodyRegion.CALF));
        PlanRequest request = PlanRequests.withDefaults(descriptor, cups);
        assertEquals(cups, request.cups());
        assertEquals(40.0, request.number("targetKpa", cups.get(0)));
    }

    @Test
    void aCupSitsOnItsRegionAtTheRegionsLimitAlternatingSides() {
        assertEquals(Cup.of(0, new BodySite(BodyRegion.FACE, Side.LEFT, ""), 10.0),
                PlanRequests.cup(0, BodyRegion.FACE));
        Cup second = PlanRequests.cup(1, BodyRegion.GLUTES);
        assertEquals(Side.RIGHT, second.site().side());
        assertEquals(60.0, second.maxVacuumKpa());
        assertFalse(second.magnetic());
    }
}
