package io.upwell.engine.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.technique.Cup;
import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.technique.TechniqueStyle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanRequestsTest {
    private final TechniqueDescriptor descriptor = new TechniqueDescriptor("pulse", "Pulse", TechniqueStyle.STATIC,
            "test technique", List.of(new ParameterSpec("targetKpa", "kPa", 8, 60, 40, "target"),
                    new ParameterSpec("holdSeconds", "s", 10, 900, 300, "hold")));

    @Test
    void everyDeclaredParameterAtItsDefaultInAMapTheTestMayChange() {
        Map<String, Double> parameters = PlanRequests.defaultParameters(descriptor);
        assertEquals(Map.of("targetKpa", 40.0, "holdSeconds", 300.0), parameters);

        parameters.put("targetKpa@1", 99.0);
        assertEquals(99.0, parameters.get("targetKpa@1"), "nothing is checked: the engine checks ranges");
        assertEquals(2, PlanRequests.defaultParameters(descriptor).size(), "each call is a new map");
    }

    @Test
    void aRequestWithDefaultsCarriesTheCupsAndTheDefaults() {
        List<Cup> cups = List.of(PlanRequests.cup(0, BodyRegion.CALF));
        PlanRequest request = PlanRequests.withDefaults(descriptor, cups);
        assertEquals(cups, request.cups());
        assertEquals(40.0, request.parameter("targetKpa", 0));
    }

    @Test
    void aCupSitsOnItsRegionAtTheRegionsLimitAlternatingSides() {
        assertEquals(new Cup(0, new BodySite(BodyRegion.FACE, Side.LEFT, ""), 10.0, false),
                PlanRequests.cup(0, BodyRegion.FACE));
        Cup second = PlanRequests.cup(1, BodyRegion.GLUTES);
        assertEquals(Side.RIGHT, second.site().side());
        assertEquals(60.0, second.maxVacuumKpa());
        assertFalse(second.magnetic());
    }
}
