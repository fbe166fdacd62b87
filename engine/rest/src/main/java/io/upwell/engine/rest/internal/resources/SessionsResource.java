package io.upwell.engine.rest.internal.resources;

import io.upwell.api.records.RecordQuery;
import io.upwell.api.records.RecordsException;
import io.upwell.api.records.RecordsService;
import io.upwell.api.records.SessionRecord;
import io.upwell.api.session.EngineStatus;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.engine.rest.internal.http.ApiException;
import io.upwell.engine.rest.internal.http.EngineRefusals;
import io.upwell.engine.rest.internal.http.Exchange;
import io.upwell.engine.rest.internal.http.FieldError;
import io.upwell.engine.rest.internal.http.Route;
import io.upwell.engine.rest.internal.http.Texts;
import io.upwell.engine.rest.internal.json.JsonInput;
import io.upwell.engine.rest.internal.json.SessionRequestJson;
import io.upwell.engine.rest.internal.json.Wire;
import io.upwell.engine.rest.internal.json.WireTypes.IntensityJson;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Sessions: check and start a request, read the live snapshot, steer a session by id (pause, resume,
 * stop, intensity, cue), and list past sessions from the records. Every command is given by the
 * signed-in user, whom the engine journals with it.
 */
final class SessionsResource {

    private final EngineServices engine;

    SessionsResource(EngineServices engine) {
        this.engine = engine;
    }

    List<Route> routes() {
        return List.of(
                new Route("POST", "/api/sessions/check", "checkSession", this::check),
                new Route("POST", "/api/sessions", "startSession", this::start),
                new Route("GET", "/api/sessions", "listSessions", this::list),
                new Route("GET", "/api/sessions/current", "getCurrentSession", this::current),
                new Route("GET", "/api/sessions/{id}", "getSession", this::get),
                new Route("POST", "/api/sessions/{id}/pause", "pauseSession", this::pause),
                new Route("POST", "/api/sessions/{id}/resume", "resumeSession", this::resume),
                new Route("POST", "/api/sessions/{id}/stop", "stopSession", this::stop),
                new Route("PUT", "/api/sessions/{id}/intensity", "setIntensity", this::intensity),
                new Route("POST", "/api/sessions/{id}/cue", "cueSession", this::cue));
    }

    /** The request a body describes, operated by the signed-in user. */
    static SessionRequest request(Exchange exchange) throws IOException {
        String operator = exchange.user();
        return SessionRequestJson.read(exchange.body(), operator);
    }

    private void check(Exchange exchange) throws IOException {
        SessionRequest request = request(exchange);
        try {
            exchange.json(200, Wire.plan(engine.control().check(request)));
        } catch (SessionException e) {
            throw EngineRefusals.of(e.getMessage());
        }
    }

    private void start(Exchange exchange) throws IOException {
        SessionRequest request = request(exchange);
        Session session;
        try {
            session = engine.control().start(request);
        } catch (SessionException e) {
            throw EngineRefusals.of(e.getMessage());
        }
        exchange.response().setHeader("Location", "/api/sessions/" + session.id());
        exchange.json(201, snapshot(session.snapshot()));
    }

    private void list(Exchange exchange) throws IOException {
        RecordQuery query = RecordsResource.query(exchange);
        RecordsService records = RecordsResource.records(engine);
        try {
            exchange.json(200, records.find(query));
        } catch (RecordsException e) {
            throw RecordsResource.unreadable(e);
        }
    }

    private void current(Exchange exchange) throws IOException {
        SessionSnapshot snapshot = engine.status().currentSession()
                .orElseThrow(() -> ApiException.notFound("no session has run since the engine started"));
        exchange.json(200, snapshot(snapshot));
    }

    /** The live or recent session the engine still knows, else its record, else 404. */
    private void get(Exchange exchange) throws IOException {
        String id = exchange.parameter("id");
        Optional<SessionSnapshot> live = engine.status().session(id);
        if (live.isPresent()) {
            exchange.json(200, snapshot(live.get()));
            return;
        }
        Optional<RecordsService> records = engine.records();
        if (records.isPresent()) {
            try {
                Optional<SessionRecord> record = records.get().session(id);
                if (record.isPresent()) {
                    exchange.json(200, record.get().withoutTrace());
                    return;
                }
            } catch (RecordsException e) {
                throw RecordsResource.unreadable(e);
            }
        }
        throw ApiException.notFound("no session " + Texts.quoted(id) + " is known to the engine"
                + (records.isPresent() ? " or in the records" : "; the records are not available"));
    }

    private interface Command {
        void run(String sessionId, String by) throws SessionException;
    }

    /** Runs a command on a session the engine knows (404 otherwise) and answers with its snapshot after. */
    private void command(Exchange exchange, Command command) throws IOException {
        String by = exchange.user();
        String id = known(exchange.parameter("id"));
        try {
            command.run(id, by);
        } catch (SessionException e) {
            throw EngineRefusals.of(e.getMessage());
        }
        exchange.json(200, snapshot(engine.status().session(id)
                .orElseThrow(() -> ApiException.notFound("session " + Texts.quoted(id) + " is no longer known"))));
    }

    private String known(String id) {
        EngineStatus status = engine.status();
        if (status.session(id).isEmpty()) {
            throw ApiException.notFound("no session " + Texts.quoted(id) + " is known to the engine"
                    + status.currentSession().map(s -> "; the current session is " + s.sessionId()).orElse(""));
        }
        return id;
    }

    private void pause(Exchange exchange) throws IOException {
        command(exchange, (id, by) -> engine.control().pause(id, by));
    }

    private void resume(Exchange exchange) throws IOException {
        command(exchange, (id, by) -> engine.control().resume(id, by));
    }

    private void stop(Exchange exchange) throws IOException {
        command(exchange, (id, by) -> engine.control().stop(id, by));
    }

    /** {@code {"percent": 80}}: 10 to 150; answers {@code {"intensity": 80}}. */
    private void intensity(Exchange exchange) throws IOException {
        String by = exchange.user();
        JsonInput input = new JsonInput();
        JsonInput.Obj body = input.object(exchange.body(), "");
        Integer percent = null;
        if (body != null) {
            body.only("percent");
            percent = body.integer("percent", true, SessionRequest.MIN_INTENSITY, SessionRequest.MAX_INTENSITY);
        }
        input.throwIfFailed("the intensity");
        String id = known(exchange.parameter("id"));
        try {
            exchange.json(200, new IntensityJson(engine.control().setIntensity(id, percent, by)));
        } catch (SessionException e) {
            throw EngineRefusals.of(e.getMessage());
        }
    }

    /** {@code {"cup": 2}}: the therapist's hands are over that cup; answers 204. */
    private void cue(Exchange exchange) throws IOException {
        String by = exchange.user();
        JsonInput input = new JsonInput();
        JsonInput.Obj body = input.object(exchange.body(), "");
        Integer cup = null;
        if (body != null) {
            body.only("cup");
            cup = body.integer("cup", true, 0, SessionRequest.MAX_PLACEMENTS - 1);
        }
        input.throwIfFailed("the cue");
        String id = known(exchange.parameter("id"));
        try {
            engine.control().cue(id, cup, by);
        } catch (SessionException e) {
            if (e.getMessage() != null && e.getMessage().contains("there is no cup")) {
                throw ApiException.refused(e.getMessage(), List.of(new FieldError("cup", e.getMessage())));
            }
            throw EngineRefusals.of(e.getMessage());
        }
        exchange.noContent();
    }

    private Object snapshot(SessionSnapshot snapshot) {
        EngineStatus status = engine.status();
        return Wire.snapshot(snapshot, status::alarm);
    }
}
