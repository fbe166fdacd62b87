package io.upwell.launcher.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.session.EngineProperties;
import io.upwell.api.session.LoopStatistics;
import io.upwell.api.session.SessionService;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.session.SessionState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * SR-17 over the network: ten thousand random requests ({@link RestFuzzer}, seeded, so that a failure
 * can be replayed) against the running engine while a simulated session holds vacuum. Nothing may fail
 * inside (no 5xx but a documented 503), every refusal must be a problem document, and the session
 * must run on exactly as it was: still running, at the same intensity, with no alarm raised, nothing
 * latched, and no control-loop fault.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RestFuzzIT {

    private static final int REQUESTS = 10_000;
    /** The fuzzer's seed; {@code -Dupwell.fuzz.seed=N} replays another run. */
    private static final long SEED = Long.getLong("upwell.fuzz.seed", 0x5EED_2026L);
    private static final int SEEN_AT_MOST = 5;

    @Inject
    private BundleContext context;

    private SessionService engine;
    private RestClient rest;

    @Configuration
    public Option[] configuration() {
        return RestFramework.options();
    }

    @Before
    public void signIn() {
        engine = UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM);
        rest = new RestClient(context).signIn();
    }

    @After
    public void leaveAtRest() throws Exception {
        RestSessions.leaveAtRest(engine);
    }

    @Test
    public void tenThousandRandomRequestsCrashNothingAndLeaveTheRunningSessionAsItWas_SR17() throws Exception {
        String document = rest.get("/api/openapi.json").body();
        ApiSchemas schemas = new ApiSchemas(document);
        JsonObject openApi = JsonParser.parseString(document).getAsJsonObject();
        RestClient.Answer started = rest.post("/api/sessions", RestSessions.holding().toString());
        assertEquals(started.toString(), 201, started.status());
        String id = started.object().get("id").getAsString();
        RestSessions.awaitHolding(rest, id);
        SessionSnapshot before = engine.session(id).orElseThrow();
        LoopStatistics loopBefore = engine.loopStatistics();
        int port = rest.base().getPort();

        String viewer = rest.login(RestClient.VIEWER, io.upwell.engine.access.Role.VIEWER);
        RestFuzzer fuzzer = new RestFuzzer(SEED, port, RestFuzzer.operations(openApi), id,
                List.of(Sessions.STATIC_CUPPING, Sessions.SIMULATOR_ID), RestSessions.holding(), rest.token(), viewer);
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> kinds = new TreeMap<>();
        int closedUnanswered = 0;
        for (int n = 1; n <= REQUESTS; n++) {
            RestFuzzer.Request request = fuzzer.next();
            String where = "request " + n + " of seed " + SEED + ":\n" + request;
            RawHttp.Answer answer;
            try {
                answer = RawHttp.exchange(port, request.bytes());
            } catch (IOException e) {
                assertFalse(where + "\nwas not answered: " + e, request.validHttp());
                closedUnanswered++;
                continue;
            }
            statuses.merge(answer.status(), 1, Integer::sum);
            kinds.merge(request.reachesTheApi() ? "reached the API" : !request.validHttp() ? "not valid HTTP"
                    : !request.isApiPath() ? "outside /api" : "ambiguous path", 1, Integer::sum);
            check(where, request, answer, schemas, openApi);
            undisturbed(where, id, before);
        }

        LoopStatistics loopAfter = engine.loopStatistics();
        SessionSnapshot after = engine.session(id).orElseThrow();
        String report = "RestFuzzIT: " + REQUESTS + " requests (seed " + SEED + "; " + fuzzer.withheld()
                + " more made and withheld because they would rightly have commanded the running session), "
                + kinds + ", " + closedUnanswered + " closed unanswered (not valid HTTP); statuses " + statuses
                + "; control loop during the run: " + (loopAfter.ticks() - loopBefore.ticks()) + " ticks, "
                + (loopAfter.lateTicks() - loopBefore.lateTicks()) + " late";
        System.out.println(report);
        Files.writeString(Path.of("rest-fuzz-report.txt"), report + System.lineSeparator(), StandardCharsets.UTF_8);
        assertEquals(SessionState.RUNNING, after.state());
        assertEquals(List.of(), Sessions.alarms(after, AlarmCondition.LOOP_LATE));
        assertTrue("the loop ticked throughout", loopAfter.ticks() > loopBefore.ticks());
        assertEquals(REQUESTS, statuses.values().stream().mapToInt(Integer::intValue).sum() + closedUnanswered);
    }

    /** No failure inside, and every refusal a problem document (for what reached the API as HTTP). */
    private static void check(String where, RestFuzzer.Request request, RawHttp.Answer answer, ApiSchemas schemas,
            JsonObject openApi) {
        String text = answer.text();
        String seen = where + "\nanswered " + answer.status() + " " + answer.contentType() + ": "
                + (text.length() > 800 ? text.substring(0, 800) + "..." : text);
        assertFalse(seen, text.contains("\tat ") || text.contains("Exception:") || text.contains("Caused by"));
        if (!request.reachesTheApi()) {
            // 505 is HTTP's own answer to a version it does not speak (HTTP/9.9), not a failure inside
            assertTrue("what is not HTTP, has an ambiguous path or is not the API's is refused without failing: "
                    + seen, answer.status() < 500 || answer.status() == 505 && !request.validHttp());
            return;
        }
        if (answer.status() >= 500) {
            assertEquals("only 503, and only where documented: " + seen, 503, answer.status());
            assertTrue("503 is documented for the operation: " + seen, documents503(openApi, request));
        }
        if (answer.status() >= 400) {
            assertTrue("a problem document: " + seen, answer.contentType().startsWith("application/problem+json"));
            if (request.method().equals("HEAD")) {
                return; // the headers of the GET answer, without its body
            }
            JsonElement problem;
            try {
                problem = JsonParser.parseString(text);
            } catch (RuntimeException e) {
                throw new AssertionError("not JSON: " + seen, e);
            }
            List<String> problems = schemas.problems("Problem", problem);
            assertEquals(seen, List.of(), problems);
            assertEquals(seen, answer.status(), problem.getAsJsonObject().get("status").getAsInt());
        }
    }

    private static boolean documents503(JsonObject openApi, RestFuzzer.Request request) {
        String path = RestFuzzer.normalized(request.target());
        for (Map.Entry<String, JsonElement> entry : openApi.getAsJsonObject("paths").entrySet()) {
            String pattern = entry.getKey().replaceAll("\\{[^}]+}", "[^/]+");
            JsonElement operation = entry.getValue().getAsJsonObject().get(request.method().toLowerCase(java.util.Locale.ROOT));
            if (path.matches(pattern) && operation != null
                    && operation.getAsJsonObject().getAsJsonObject("responses").has("503")) {
                return true;
            }
        }
        return false;
    }

    /** The running session exactly as it was: running, same intensity, no new alarm, nothing latched. */
    private void undisturbed(String where, String id, SessionSnapshot before) {
        SessionSnapshot now = engine.session(id).orElseThrow();
        String seen = where + "\nleft the session " + now.state() + " at " + now.intensity() + " % with alarms "
                + now.alarms() + "; engine alarms " + engine.activeAlarms() + ", latched " + engine.latched();
        assertEquals(seen, SessionState.RUNNING, now.state());
        assertEquals(seen, before.intensity(), now.intensity());
        assertEquals(seen, before.alarms(), now.alarms());
        assertEquals(seen, List.of(), engine.activeAlarms());
        assertFalse(seen, engine.latched());
    }
}
