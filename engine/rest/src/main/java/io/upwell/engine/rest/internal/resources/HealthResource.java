package io.upwell.engine.rest.internal.resources;

import io.upwell.api.records.DeliveryStatus;
import io.upwell.api.session.EngineStatus;
import io.upwell.engine.rest.internal.http.Exchange;
import io.upwell.engine.rest.internal.http.Route;
import io.upwell.engine.rest.internal.json.Wire;
import java.io.IOException;
import java.util.List;

/** {@code GET /api/health}: latch, journal, control loop, records delivery and the stream, for monitoring. */
final class HealthResource {

    private final EngineServices engine;

    HealthResource(EngineServices engine) {
        this.engine = engine;
    }

    List<Route> routes() {
        return List.of(new Route("GET", "/api/health", "getHealth", this::health));
    }

    private void health(Exchange exchange) throws IOException {
        EngineStatus status = engine.status();
        DeliveryStatus records = engine.records().map(r -> r.deliveryStatus()).orElse(null);
        EngineServices.StreamCounts stream = engine.streamCounts();
        exchange.json(200, Wire.health(status.latched(), status.journalHealth(), status.loopStatistics(), records,
                stream.clients(), stream.dropped()));
    }
}
