package io.upwell.engine.rest.internal.resources;

import io.upwell.engine.rest.internal.http.ApiException;
import io.upwell.engine.rest.internal.http.Exchange;
import io.upwell.engine.rest.internal.http.Route;
import io.upwell.engine.rest.internal.http.Texts;
import io.upwell.engine.rest.internal.json.Wire;
import java.io.IOException;
import java.util.List;

/** {@code GET /api/devices} and {@code /api/techniques}: what the engine can drive and run. */
final class DevicesResource {

    private final EngineServices engine;

    DevicesResource(EngineServices engine) {
        this.engine = engine;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/api/devices", "listDevices", this::devices),
                new Route("GET", "/api/techniques", "listTechniques", this::techniques),
                new Route("GET", "/api/techniques/{id}", "getTechnique", this::technique));
    }

    private void devices(Exchange exchange) throws IOException {
        exchange.json(200, engine.status().devices().stream().map(Wire::device).toList());
    }

    private void techniques(Exchange exchange) throws IOException {
        exchange.json(200, engine.status().techniques().stream().map(Wire::technique).toList());
    }

    private void technique(Exchange exchange) throws IOException {
        String id = exchange.parameter("id");
        var found = engine.status().techniques().stream().filter(t -> t.descriptor().id().equals(id)).findFirst()
                .orElseThrow(() -> ApiException.notFound("no technique " + Texts.quoted(id) + "; installed: " + engine.status()
                        .techniques().stream().map(t -> t.descriptor().id()).sorted().toList()));
        exchange.json(200, Wire.technique(found));
    }
}
