package io.upwell.engine.rest.internal.resources;

import io.upwell.engine.rest.internal.http.ApiException;
import io.upwell.engine.rest.internal.http.Route;
import io.upwell.engine.rest.internal.http.RouteTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Every operation of the API in one table: what the servlets serve, and what the OpenAPI document
 * must describe (a test holds the two together).
 */
public final class ApiRoutes {

    /** The live stream's path: served by its own asynchronous servlet, listed here with the rest. */
    public static final String STREAM = "/api/stream";

    private ApiRoutes() {
    }

    public static RouteTable table(EngineServices engine) {
        List<Route> routes = new ArrayList<>();
        routes.addAll(new HealthResource(engine).routes());
        routes.addAll(new DevicesResource(engine).routes());
        routes.addAll(new ProgramsResource().routes());
        routes.addAll(new PreviewResource(engine).routes());
        routes.addAll(new SessionsResource(engine).routes());
        routes.addAll(new AlarmsResource(engine).routes());
        routes.addAll(new RecordsResource(engine).routes());
        routes.addAll(new OpenApiResource().routes());
        // Reached here only if the stream's servlet is not registered (its pattern is more specific).
        routes.add(new Route("GET", STREAM, "streamEvents", exchange -> {
            throw ApiException.unavailable("the live stream is not running");
        }));
        return new RouteTable(routes);
    }
}
