package io.upwell.launcher.app.internal;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.session.Client;
import io.upwell.api.session.Placement;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.technique.ParameterValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's session: static cupping with four cups on the simulator's channels 0 to 3, short
 * enough to watch (5 s ramp, 20 s hold, 3 s release). No screening: the engine allows that on a
 * simulated device only.
 */
final class DemoPlan {

    static final String DEVICE_ID = "sim-1";
    static final String TECHNIQUE_ID = "static-cupping";
    static final String OPERATOR = "demo";

    /** Ramp-in, hold and ramp-out: the program's length. */
    static final Duration PLANNED = Duration.ofSeconds(5 + 20 + 3);

    private DemoPlan() {
    }

    static SessionRequest request() {
        List<Placement> placements = List.of(
                new Placement(DEVICE_ID, 0, new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, "")),
                new Placement(DEVICE_ID, 1, new BodySite(BodyRegion.UPPER_BACK, Side.RIGHT, "")),
                new Placement(DEVICE_ID, 2, new BodySite(BodyRegion.SHOULDER, Side.LEFT, "")),
                // the right shoulder gets less, to show a per-cup override
                new Placement(DEVICE_ID, 3, new BodySite(BodyRegion.SHOULDER, Side.RIGHT, ""))
                        .withOverrides(Map.of("targetKpa", ParameterValue.of(30))));
        Map<String, ParameterValue> parameters = Map.of(
                "targetKpa", ParameterValue.of(40),
                "holdSeconds", ParameterValue.of(20),
                "rampInSeconds", ParameterValue.of(5),
                "rampOutSeconds", ParameterValue.of(3));
        return new SessionRequest(OPERATOR, new Client("demo-client", "Demo client"), Optional.empty(),
                TECHNIQUE_ID, parameters, placements, 100);
    }
}
