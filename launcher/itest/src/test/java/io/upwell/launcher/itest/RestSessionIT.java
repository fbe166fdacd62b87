package io.upwell.launcher.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.session.EngineProperties;
import io.upwell.api.session.SessionService;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.session.SessionState;
import io.upwell.devices.simulator.SimulatorControl;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.BundleContext;

/**
 * Sessions run over the REST API in a real Felix with Felix HTTP, as an integrator drives them: start
 * on the simulator, read the live snapshot, pause, resume, intensity, stop, the emergency stop and
 * the acknowledgement of an alarm by its id, signed in through the access bundle as a therapist. Every
 * answer is checked against the OpenAPI document the engine serves.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class RestSessionIT {

    @Inject
    private BundleContext context;

    private SessionService engine;
    private RestClient rest;
    private ApiSchemas schemas;

    @Configuration
    public Option[] configuration() {
        return RestFramework.options();
    }

    @Before
    public void signIn() {
        engine = UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM);
        rest = new RestClient(context).signIn();
        RestClient.Answer document = rest.get("/api/openapi.json");
        assertEquals(200, document.status());
        schemas = new ApiSchemas(document.body());
    }

    @After
    public void leaveAtRest() throws Exception {
        RestSessions.leaveAtRest(engine);
    }

    private JsonObject started(JsonObject request) {
        RestClient.Answer answer = rest.post("/api/sessions", request.toString());
        assertEquals(answer.toString(), 201, answer.status());
        schemas.check("Snapshot", answer.json());
        String id = answer.object().get("id").getAsString();
        assertEquals("/api/sessions/" + id, answer.headers().firstValue("Location").orElse(""));
        return answer.object();
    }

    private JsonObject snapshot(RestClient.Answer answer) {
        assertEquals(answer.toString(), 200, answer.status());
        schemas.check("Snapshot", answer.json());
        return answer.object();
    }

    private JsonObject problem(RestClient.Answer answer, int status) {
        assertEquals(answer.toString(), status, answer.status());
        assertTrue(answer.toString(), answer.isProblem());
        schemas.check("Problem", answer.json());
        assertEquals(status, answer.object().get("status").getAsInt());
        return answer.object();
    }

    @Test
    public void aSessionStartedOverRestIsSteeredByIdAndItsRecordNamesWhoRanIt() {
        JsonObject start = started(RestSessions.holding());
        String id = start.get("id").getAsString();
        assertEquals(Sessions.STATIC_CUPPING, start.get("technique").getAsString());
        assertEquals(4, start.getAsJsonArray("cups").size());

        JsonObject holding = RestSessions.awaitHolding(rest, id);
        schemas.check("Snapshot", holding);
        assertEquals(id, snapshot(rest.get("/api/sessions/current")).get("id").getAsString());
        SessionSnapshot live = engine.session(id).orElseThrow();
        assertEquals(SessionState.RUNNING, live.state());

        JsonObject paused = snapshot(rest.post("/api/sessions/" + id + "/pause", null));
        assertEquals("PAUSED", paused.get("state").getAsString());
        assertEquals(SessionState.PAUSED, engine.session(id).orElseThrow().state());
        JsonObject again = problem(rest.post("/api/sessions/" + id + "/pause", null), 409);
        assertTrue(again.get("detail").getAsString(), again.get("detail").getAsString().contains("PAUSED"));

        assertEquals("RUNNING", snapshot(rest.post("/api/sessions/" + id + "/resume", null)).get("state")
                .getAsString());
        RestClient.Answer intensity = rest.put("/api/sessions/" + id + "/intensity", "{\"percent\": 80}");
        assertEquals(intensity.toString(), 200, intensity.status());
        schemas.check("Intensity", intensity.json());
        assertEquals(80, intensity.object().get("intensity").getAsInt());
        assertEquals(80, engine.session(id).orElseThrow().intensity());
        JsonObject tooMuch = problem(rest.put("/api/sessions/" + id + "/intensity", "{\"percent\": 200}"), 422);
        assertEquals("percent", tooMuch.getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString());
        assertEquals("unchanged by a refused request", 80, engine.session(id).orElseThrow().intensity());

        problem(rest.post("/api/sessions/no-such-session/stop", null), 404);
        problem(rest.post("/api/sessions", RestSessions.holding().toString()), 409); // one session at a time

        JsonObject stopping = snapshot(rest.post("/api/sessions/" + id + "/stop", null));
        assertTrue(stopping.get("state").getAsString(), List.of("STOPPING", "ENDED")
                .contains(stopping.get("state").getAsString()));
        RestSessions.awaitState(rest, id, SessionState.ENDED);
        problem(rest.post("/api/sessions/" + id + "/resume", null), 409);

        // The record reaches the database after the session ends; it names the REST user as the operator.
        RestClient.Answer record = Await.value("session " + id + " in the records", () -> rest.get("/api/records/"
                + id), answer -> answer.status() == 200, RestClient.Answer::toString);
        schemas.check("SessionRecord", record.json());
        assertEquals(RestClient.THERAPIST, record.object().getAsJsonObject("summary").get("operator").getAsString());
        RestClient.Answer list = rest.get("/api/sessions?client=itest-client&limit=5");
        assertEquals(list.toString(), 200, list.status());
        for (JsonElement summary : list.json().getAsJsonArray()) {
            schemas.check("SessionSummary", summary);
        }
        assertEquals(id, list.json().getAsJsonArray().get(0).getAsJsonObject().get("sessionId").getAsString());
        RestClient.Answer csv = rest.get("/api/records/" + id + "/export?format=csv");
        assertEquals(200, csv.status());
        assertTrue(csv.contentType(), csv.contentType().startsWith("text/csv"));
        assertTrue(csv.body(), csv.body().startsWith("session,seconds,cup,device,channel,site,commanded_kpa,measured_kpa"));
        RestClient.Answer report = rest.get("/api/records/" + id + "/report?zone=UTC");
        assertEquals(200, report.status());
        assertTrue(report.contentType().startsWith("text/html"));
        assertTrue("the report carries its chart", report.body().contains("<svg"));
        problem(rest.get("/api/records/" + id + "/export?format=xml"), 400);
    }

    @Test
    public void theEmergencyStopOverRestVentsEveryCupOnTheDeviceAndTheAlarmIsAcknowledgedById_SR13() {
        String id = started(RestSessions.holding()).get("id").getAsString();
        RestSessions.awaitHolding(rest, id);
        SimulatorControl simulator = UpwellServices.await(context, SimulatorControl.class, null);

        RestClient.Answer stop = rest.post("/api/emergency-stop", null);
        assertEquals(stop.toString(), 200, stop.status());
        schemas.check("Latch", stop.json());
        assertTrue(stop.object().get("latched").getAsBoolean());
        assertTrue(engine.latched());
        // What the person on the couch feels: the device's true vacuum falls to ambient on every cup.
        Await.value("every cup of the simulator released", () -> SimulatedCups.describe(simulator, 4),
                text -> allReleased(simulator));
        JsonObject aborted = RestSessions.awaitState(rest, id, SessionState.ABORTED);
        assertTrue(aborted.get("reason").getAsString(), aborted.get("reason").getAsString().contains("emergency"));

        RestClient.Answer alarms = rest.get("/api/alarms");
        assertEquals(200, alarms.status());
        JsonObject emergency = null;
        for (JsonElement alarm : alarms.json().getAsJsonArray()) {
            schemas.check("Alarm", alarm);
            if (alarm.getAsJsonObject().get("condition").getAsString().equals(AlarmCondition.EMERGENCY_STOP.name())) {
                emergency = alarm.getAsJsonObject();
            }
        }
        assertTrue("an EMERGENCY_STOP alarm is active: " + alarms, emergency != null);
        assertTrue(emergency.get("message").getAsString(), emergency.get("message").getAsString()
                .contains(RestClient.THERAPIST));
        String alarmId = emergency.get("id").getAsString();
        schemas.check("Alarm", rest.get("/api/alarms/" + alarmId).json());
        problem(rest.post("/api/sessions", RestSessions.holding().toString()), 409); // latched: nothing starts

        RestClient.Answer acknowledged = rest.post("/api/alarms/" + alarmId + "/acknowledge", null);
        assertEquals(acknowledged.toString(), 200, acknowledged.status());
        schemas.check("AcknowledgedAlarm", acknowledged.json());
        assertEquals(RestClient.THERAPIST, acknowledged.object().get("acknowledgedBy").getAsString());
        assertFalse(acknowledged.toString(), acknowledged.object().get("latched").getAsBoolean());
        assertFalse(engine.latched());
        assertEquals("the aborted session stays aborted: nothing resumes by itself", SessionState.ABORTED,
                engine.session(id).orElseThrow().state());
        problem(rest.post("/api/alarms/no-such-alarm/acknowledge", null), 404);
    }

    private static boolean allReleased(SimulatorControl simulator) {
        for (int channel = 0; channel < 4; channel++) {
            if (SimulatedCups.trueVacuumKpa(simulator, channel) >= 0.5) {
                return false;
            }
        }
        return true;
    }

    @Test
    public void readsAnswerInTheDocumentedShapes() {
        RestClient.Answer devices = rest.get("/api/devices");
        assertEquals(200, devices.status());
        JsonArray list = devices.json().getAsJsonArray();
        list.forEach(device -> schemas.check("Device", device));
        assertTrue(devices.body(), StreamSupport.stream(list.spliterator(), false).anyMatch(
                d -> d.getAsJsonObject().get("id").getAsString().equals(Sessions.SIMULATOR_ID)
                        && d.getAsJsonObject().get("state").getAsString().equals("READY")));
        RestClient.Answer techniques = rest.get("/api/techniques");
        techniques.json().getAsJsonArray().forEach(t -> schemas.check("Technique", t));
        JsonObject staticCupping = rest.get("/api/techniques/" + Sessions.STATIC_CUPPING).object();
        schemas.check("Technique", staticCupping);
        assertTrue(staticCupping.toString(), StreamSupport.stream(staticCupping.getAsJsonArray("parameters")
                .spliterator(), false).anyMatch(p -> p.getAsJsonObject().get("name").getAsString().equals("targetKpa")
                        && p.getAsJsonObject().get("unit").getAsString().equals("kPa")));
        problem(rest.get("/api/techniques/no-such-technique"), 404);
        JsonObject health = rest.get("/api/health").object();
        schemas.check("Health", health);
        assertEquals("ok", health.get("status").getAsString());
        assertTrue(health.getAsJsonObject("loop").get("ticks").getAsLong() > 0);
        rest.get("/api/alarms").json().getAsJsonArray().forEach(a -> schemas.check("Alarm", a));
        problem(rest.get("/api/sessions/current"), 404); // nothing has run in this framework yet
    }

    @Test
    public void checkPreviewAndProgramValidationAnswerWithoutTouchingTheEngine() throws Exception {
        RestClient.Answer plan = rest.post("/api/sessions/check", RestSessions.staticCupping(60, 20).toString());
        assertEquals(plan.toString(), 200, plan.status());
        schemas.check("Plan", plan.json());
        // 60 kPa asked: each cup gets its body region's limit, and the plan says which limit set it
        JsonObject upperBack = plan.object().getAsJsonArray("cups").get(0).getAsJsonObject();
        assertEquals(upperBack.toString(), 55.0, upperBack.get("limitKpa").getAsDouble(), 1e-9);
        assertEquals("body region upper-back", upperBack.get("limitSetBy").getAsString());
        JsonObject lowerBack = plan.object().getAsJsonArray("cups").get(2).getAsJsonObject();
        assertEquals(lowerBack.toString(), 50.0, lowerBack.get("limitKpa").getAsDouble(), 1e-9);

        RestClient.Answer preview = rest.post("/api/preview", RestSessions.staticCupping(30, 10).toString());
        assertEquals(preview.toString(), 200, preview.status());
        schemas.check("Preview", preview.json());
        assertEquals("ENDED", preview.object().get("finalState").getAsString());
        assertEquals(4, preview.object().getAsJsonArray("cups").size());
        assertTrue(preview.object().getAsJsonArray("times").size() > 100);
        assertTrue("the preview ran nothing on the engine", engine.currentSession().isEmpty());

        String program = new String(getClass().getResourceAsStream("/io/upwell/launcher/itest/rest-program.json")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        RestClient.Answer valid = rest.post("/api/programs/validate", program);
        assertEquals(valid.toString(), 200, valid.status());
        schemas.check("Validation", valid.json());
        JsonObject broken = problem(rest.post("/api/programs/validate", program.replace("\"version\": \"1.0.0\"",
                "\"version\": \"one\"")), 422);
        assertEquals(broken.toString(), "version", broken.getAsJsonArray("errors").get(0).getAsJsonObject()
                .get("field").getAsString());
    }

    @Test
    public void refusalsAreProblemDocumentsThatNameTheField_SR17() {
        JsonObject request = RestSessions.holding();
        request.getAsJsonObject("parameters").addProperty("targetKpa", 95);
        JsonObject outOfRange = problem(rest.post("/api/sessions", request.toString()), 422);
        assertEquals(outOfRange.toString(), "parameters.targetKpa", outOfRange.getAsJsonArray("errors").get(0)
                .getAsJsonObject().get("field").getAsString());

        JsonObject unknown = RestSessions.holding();
        unknown.addProperty("technique", "no-such-technique");
        assertEquals("technique", problem(rest.post("/api/sessions", unknown.toString()), 422)
                .getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString());

        JsonObject badSite = RestSessions.holding();
        badSite.getAsJsonArray("cups").get(1).getAsJsonObject().getAsJsonObject("site").addProperty("region", "ELBOW");
        JsonObject region = problem(rest.post("/api/sessions", badSite.toString()), 400);
        JsonObject error = region.getAsJsonArray("errors").get(0).getAsJsonObject();
        assertEquals("cups[1].site.region", error.get("field").getAsString());
        assertTrue(error.toString(), error.get("message").getAsString().contains("UPPER_BACK"));

        problem(rest.post("/api/sessions", "{\"client\": "), 400);
        problem(rest.send("POST", "/api/sessions", rest.token(), "text/plain", "hello", Map.of()), 415);
        problem(rest.post("/api/sessions", "{\"pad\": \"" + "x".repeat(300 * 1024) + "\"}"), 413);
        problem(rest.send("POST", "/api/sessions", null, "application/json", RestSessions.holding().toString(),
                Map.of()), 401);
        problem(rest.send("POST", "/api/emergency-stop", null, null, null, Map.of()), 401);
        assertFalse("a request without a user stopped nothing", engine.latched());
        problem(rest.get("/api/no-such-thing"), 404);
        RestClient.Answer wrongMethod = rest.send("DELETE", "/api/alarms", rest.token(), null, null, Map.of());
        problem(wrongMethod, 405);
        assertEquals("GET, HEAD", wrongMethod.headers().firstValue("Allow").orElse(""));
        assertTrue("nothing was started by any of these", engine.currentSession().isEmpty());
    }
}
