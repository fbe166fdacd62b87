package io.upwell.engine.rest.internal.resources;

import com.google.gson.JsonObject;
import io.upwell.api.safety.AlarmStatus;
import io.upwell.api.session.EngineStatus;
import io.upwell.api.session.SessionException;
import io.upwell.engine.rest.internal.http.ApiException;
import io.upwell.engine.rest.internal.http.Exchange;
import io.upwell.engine.rest.internal.http.Route;
import io.upwell.engine.rest.internal.http.Texts;
import io.upwell.engine.rest.internal.json.Wire;
import io.upwell.engine.rest.internal.json.WireGson;
import io.upwell.engine.rest.internal.json.WireTypes.LatchJson;
import java.io.IOException;
import java.util.List;

/**
 * Alarms and the emergency stop: the active alarms, one by id, acknowledging one or all (which clears
 * the latch when nothing latching waits; it never resumes anything), and the emergency stop, which is
 * never refused to a signed-in caller and reads no body.
 */
final class AlarmsResource {

    private final EngineServices engine;

    AlarmsResource(EngineServices engine) {
        this.engine = engine;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/api/alarms", "listAlarms", this::list),
                new Route("GET", "/api/alarms/{id}", "getAlarm", this::get),
                new Route("POST", "/api/alarms/{id}/acknowledge", "acknowledgeAlarm", this::acknowledgeOne),
                new Route("POST", "/api/alarms/acknowledge", "acknowledgeAll", this::acknowledgeAll),
                new Route("POST", "/api/emergency-stop", "emergencyStop", this::emergencyStop));
    }

    private void list(Exchange exchange) throws IOException {
        exchange.json(200, engine.status().activeAlarms().stream().map(Wire::alarm).toList());
    }

    private void get(Exchange exchange) throws IOException {
        exchange.json(200, Wire.alarm(known(engine.status(), exchange.parameter("id"))));
    }

    private static AlarmStatus known(EngineStatus status, String id) {
        return status.alarm(id).orElseThrow(() -> ApiException.notFound("no alarm " + Texts.quoted(id)
                + " is known to the engine; active alarms: " + status.activeAlarms().stream().map(AlarmStatus::id)
                        .toList()));
    }

    /** The alarm's status after the acknowledgement, and whether the engine is still latched. */
    private void acknowledgeOne(Exchange exchange) throws IOException {
        String by = exchange.user();
        EngineStatus status = engine.status();
        String id = known(status, exchange.parameter("id")).id();
        AlarmStatus after;
        try {
            after = engine.control().acknowledge(by, id);
        } catch (SessionException e) {
            if (status.alarm(id).isEmpty()) {
                throw ApiException.notFound(e.getMessage());
            }
            throw ApiException.conflict(e.getMessage());
        }
        JsonObject json = WireGson.GSON.toJsonTree(Wire.alarm(after)).getAsJsonObject();
        json.addProperty("latched", status.latched());
        exchange.json(200, json);
    }

    /** Every alarm at once; 409 when the latch cannot be cleared (the control loop is not ticking). */
    private void acknowledgeAll(Exchange exchange) throws IOException {
        String by = exchange.user();
        try {
            engine.control().acknowledge(by);
        } catch (SessionException e) {
            throw ApiException.conflict(e.getMessage());
        }
        exchange.json(200, new LatchJson(engine.status().latched()));
    }

    /** Vents every channel and latches; idempotent. Needs nothing but who pressed it. */
    private void emergencyStop(Exchange exchange) throws IOException {
        String by = exchange.user();
        engine.control().emergencyStop(by);
        exchange.json(200, new LatchJson(engine.status().latched()));
    }
}
