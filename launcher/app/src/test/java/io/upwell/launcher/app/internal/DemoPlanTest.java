package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.session.Placement;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.technique.ParameterValue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoPlanTest {

    private final SessionRequest request = DemoPlan.request();

    @Test
    void fourCupsOnTheSimulatorsFirstFourChannels() {
        List<Placement> placements = request.placements();
        assertEquals(4, placements.size());
        for (int i = 0; i < placements.size(); i++) {
            assertEquals("sim-1", placements.get(i).deviceId());
            assertEquals(i, placements.get(i).channel());
        }
        assertEquals(BodyRegion.UPPER_BACK, placements.get(0).site().region());
        assertEquals(BodyRegion.SHOULDER, placements.get(3).site().region());
    }

    @Test
    void staticCuppingAtFortyKpaWithOneCupOverriddenAndNoScreening() {
        assertEquals("static-cupping", request.techniqueId());
        assertEquals(ParameterValue.of(40), request.parameters().get("targetKpa"));
        assertEquals(ParameterValue.of(30), request.placements().get(3).overrides().get("targetKpa"));
        assertTrue(request.screening().isEmpty(), "the engine allows no screening on a simulator only");
        assertEquals("demo", request.operator());
        assertEquals(100, request.intensity());
    }

    @Test
    void thePlannedLengthIsTheSumOfRampHoldAndRelease() {
        double seconds = number("rampInSeconds") + number("holdSeconds") + number("rampOutSeconds");
        assertEquals(Duration.ofSeconds((long) seconds), DemoPlan.PLANNED);
        assertEquals(Duration.ofSeconds(28), DemoPlan.PLANNED);
    }

    private double number(String name) {
        return ((ParameterValue.Number) request.parameters().get(name)).value();
    }
}
