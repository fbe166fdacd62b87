package io.upwell.engine.rest.internal.resources;

import io.upwell.api.preview.Preview;
import io.upwell.api.preview.PreviewRequest;
import io.upwell.api.session.Placement;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionRequest;
import io.upwell.devices.simulator.SimulatedDevice;
import io.upwell.devices.simulator.SimulatorOptions;
import io.upwell.devices.simulator.Simulators;
import io.upwell.engine.rest.internal.http.ApiException;
import io.upwell.engine.rest.internal.http.EngineRefusals;
import io.upwell.engine.rest.internal.http.Exchange;
import io.upwell.engine.rest.internal.http.FieldError;
import io.upwell.engine.rest.internal.http.JsonPaths;
import io.upwell.engine.rest.internal.http.Problem;
import io.upwell.engine.rest.internal.http.Route;
import io.upwell.engine.rest.internal.json.Wire;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * {@code POST /api/preview}: a session request run from start to end on the virtual clock, on a
 * private engine with a simulator of its own named as the request's device, so the running engine
 * is never touched. Answers the plan and every cup's commanded and measured level over time. One
 * preview runs at a time (it uses a processor core while it runs); another meanwhile is 503.
 */
final class PreviewResource {

    /** How often the preview samples every cup. */
    static final Duration SAMPLE_EVERY = Duration.ofMillis(100);
    /** The most sample times an answer holds; a longer preview is thinned evenly. */
    static final int MAX_ROWS = 3000;

    private final EngineServices engine;
    private final Semaphore oneAtATime = new Semaphore(1);

    PreviewResource(EngineServices engine) {
        this.engine = engine;
    }

    List<Route> routes() {
        return List.of(new Route("POST", "/api/preview", "previewSession", this::preview));
    }

    private void preview(Exchange exchange) throws IOException {
        SessionRequest request = SessionsResource.request(exchange);
        String device = oneDevice(request);
        int channels = request.placements().stream().mapToInt(Placement::channel).max().orElse(0) + 1;
        SimulatedDevice simulator;
        try {
            simulator = Simulators.create(SimulatorOptions.defaults().withId(device).withChannels(channels));
        } catch (IllegalArgumentException e) {
            throw ApiException.refused("the preview's simulator cannot be made: " + e.getMessage(), List.of());
        }
        var previews = engine.previews();
        if (!oneAtATime.tryAcquire()) {
            exchange.response().setHeader("Retry-After", "1");
            throw new ApiException(Problem.of(503, "busy", "Busy", "another preview is running; try again shortly",
                    List.of()));
        }
        Preview preview;
        try {
            preview = previews.run(new PreviewRequest(request, Optional.empty(), simulator, SAMPLE_EVERY,
                    PreviewRequest.MAX_LIMIT));
        } catch (SessionException e) {
            throw EngineRefusals.of(e.getMessage());
        } finally {
            oneAtATime.release();
        }
        exchange.json(200, Wire.preview(thinned(preview), SAMPLE_EVERY.multipliedBy(stride(preview))));
    }

    /** A preview drives one simulated device: every cup must name the same one. */
    private static String oneDevice(SessionRequest request) {
        String device = request.placements().get(0).deviceId();
        List<FieldError> others = new ArrayList<>();
        for (int i = 1; i < request.placements().size(); i++) {
            if (!request.placements().get(i).deviceId().equals(device)) {
                others.add(new FieldError(JsonPaths.field(JsonPaths.element("cups", i), "device"),
                        "a preview drives one simulated device: every cup must name '" + device + "' as cup 0 does"));
            }
        }
        if (!others.isEmpty()) {
            throw ApiException.refused("a preview drives one simulated device; the cups name more than one", others);
        }
        return device;
    }

    private static int stride(Preview preview) {
        long rows = preview.samples().stream().map(Preview.Sample::time).distinct().count();
        return (int) Math.max(1, (rows + MAX_ROWS - 1) / MAX_ROWS);
    }

    /** Every {@link #stride}-th sample time, so that an answer holds at most {@link #MAX_ROWS} of them. */
    private static Preview thinned(Preview preview) {
        int stride = stride(preview);
        if (stride == 1) {
            return preview;
        }
        List<Duration> times = preview.samples().stream().map(Preview.Sample::time).distinct().sorted().toList();
        Set<Duration> kept = new HashSet<>();
        for (int i = 0; i < times.size(); i += stride) {
            kept.add(times.get(i));
        }
        return new Preview(preview.plan(), preview.samples().stream().filter(s -> kept.contains(s.time())).toList(),
                preview.alarms(), preview.finalState(), preview.reason(), preview.duration());
    }
}
