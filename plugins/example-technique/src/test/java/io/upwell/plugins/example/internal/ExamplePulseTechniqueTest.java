package io.upwell.plugins.example.internal;

import static io.upwell.engine.testkit.PlanRequests.cup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.technique.ParameterValue;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.TechniqueException;
import io.upwell.engine.testkit.PlanRequests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ExamplePulseTechniqueTest {

    private final ExamplePulseTechnique technique = new ExamplePulseTechnique();

    @Test
    void everyCupPulsesAtItsLevelForTheGivenCount() throws TechniqueException {
        Map<String, ParameterValue> parameters = PlanRequests.defaultParameters(technique.descriptor());
        parameters.put("pulses", ParameterValue.of(3));
        Program program = technique.plan(new PlanRequest(List.of(cup(0, BodyRegion.CALF),
                cup(1, BodyRegion.CALF).withOverrides(Map.of("levelKpa", ParameterValue.of(10)))), parameters));

        Segment.Pulse first = (Segment.Pulse) program.timelines().get(0).segments().get(0);
        Segment.Pulse second = (Segment.Pulse) program.timelines().get(1).segments().get(0);
        assertEquals(15.0, first.highKpa());
        assertEquals(10.0, second.highKpa());
        assertEquals(0.0, first.lowKpa());
        assertEquals(3, first.count());
        assertEquals(Duration.ofSeconds(12), program.duration());
    }

    @Test
    @Tag("SR-01")
    void noCupIsPlannedAboveItsLimit() throws TechniqueException {
        Map<String, ParameterValue> parameters = PlanRequests.defaultParameters(technique.descriptor());
        parameters.put("levelKpa", ParameterValue.of(30));
        Program program = technique.plan(new PlanRequest(List.of(cup(0, BodyRegion.FACE)), parameters));
        assertEquals(10.0, ((Segment.Pulse) program.timelines().get(0).segments().get(0)).highKpa());
    }

    @Test
    void outsideAFrameworkItsVersionIsOneZeroZero() {
        assertEquals("1.0.0", technique.descriptor().version());
        assertThrows(TechniqueException.class, () -> technique.plan(new PlanRequest(List.of(),
                PlanRequests.defaultParameters(technique.descriptor()))));
    }
}
