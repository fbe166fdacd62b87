package io.upwell.engine.rest.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.upwell.api.session.SessionRequest;
import io.upwell.engine.rest.internal.OpenApiSchemas;
import io.upwell.engine.rest.internal.http.FieldError;
import io.upwell.engine.rest.internal.http.Problem;
import io.upwell.engine.rest.internal.json.WireTypes.DeviceChangeJson;
import io.upwell.engine.rest.internal.json.WireTypes.HelloJson;
import io.upwell.engine.rest.internal.json.WireTypes.IntensityJson;
import io.upwell.engine.rest.internal.json.WireTypes.LatchJson;
import io.upwell.engine.rest.internal.json.WireTypes.ProgramSummaryJson;
import io.upwell.engine.rest.internal.json.WireTypes.ResetJson;
import io.upwell.engine.rest.internal.json.WireTypes.SessionChangeJson;
import io.upwell.engine.rest.internal.json.WireTypes.ValidationJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every shape the endpoints answer with, written by the API's Gson from the engine's types, conforms
 * to its schema in the OpenAPI document; the session request reads back what it writes.
 */
class WireSchemaTest {

    private final OpenApiSchemas schemas = new OpenApiSchemas();

    private void conforms(String schema, Object value) {
        JsonElement json = WireGson.GSON.toJsonTree(value);
        assertEquals(List.of(), schemas.problems(schema, json), schema + ": " + json);
    }

    @Test
    void theSchemasCatchAFieldTooManyAMissingOneAndAWrongType() {
        JsonObject extra = WireGson.GSON.toJsonTree(new LatchJson(true)).getAsJsonObject();
        extra.addProperty("unlatched", false);
        assertTrue(!schemas.problems("Latch", extra).isEmpty(), "an undocumented field");
        JsonObject snapshot = WireGson.GSON.toJsonTree(Wire.snapshot(Samples.snapshot(), Wire.AlarmLookup.NONE))
                .getAsJsonObject();
        snapshot.remove("intensity");
        assertTrue(!schemas.problems("Snapshot", snapshot).isEmpty(), "a missing field");
        JsonObject device = WireGson.GSON.toJsonTree(Wire.device(Samples.device())).getAsJsonObject();
        device.getAsJsonArray("channels").get(0).getAsJsonObject().addProperty("magnet", "SOMETIMES");
        assertTrue(!schemas.problems("Device", device).isEmpty(), "a value outside the enum, two levels down");
    }

    @Test
    void aSnapshotWithAnUnmeasuredCupWritesNullNotNaN() {
        var snapshot = Wire.snapshot(Samples.snapshot(), id -> java.util.Optional.of(Samples.acknowledged(id)));
        conforms("Snapshot", snapshot);
        JsonObject json = WireGson.GSON.toJsonTree(snapshot).getAsJsonObject();
        assertTrue(json.getAsJsonArray("cups").get(1).getAsJsonObject().get("measuredKpa").isJsonNull());
        assertEquals(12.345, json.get("elapsedSeconds").getAsDouble());
        assertEquals("UPPER_BACK", json.getAsJsonArray("cups").get(0).getAsJsonObject().getAsJsonObject("site")
                .get("region").getAsString());
        assertEquals("CLEARED", json.getAsJsonArray("alarms").get(0).getAsJsonObject().get("state").getAsString());
        conforms("Snapshot", Wire.snapshot(Samples.snapshot(), Wire.AlarmLookup.NONE));
    }

    @Test
    void alarmsOfTheEngineAndOfASessionConform() {
        conforms("Alarm", Wire.alarm(Samples.raised("a-1")));
        conforms("Alarm", Wire.alarm(Samples.acknowledged("a-2")));
        JsonObject engineAlarm = WireGson.GSON.toJsonTree(Wire.alarm(Samples.raised("a-1"))).getAsJsonObject();
        assertTrue(engineAlarm.get("device").isJsonNull(), "an engine alarm names no device");
        assertTrue(engineAlarm.get("channel").isJsonNull());
        assertEquals("SR-13", engineAlarm.get("requirement").getAsString());
        JsonObject acknowledged = WireGson.GSON.toJsonTree(Wire.alarm(Samples.acknowledged("a-2"))).getAsJsonObject();
        acknowledged.addProperty("latched", false);
        assertEquals(List.of(), schemas.problems("AcknowledgedAlarm", acknowledged));
    }

    @Test
    void devicesTechniquesPlansAndPreviewsConform() {
        conforms("Device", Wire.device(Samples.device()));
        conforms("Technique", Wire.technique(Samples.technique()));
        JsonObject technique = WireGson.GSON.toJsonTree(Wire.technique(Samples.technique())).getAsJsonObject();
        JsonObject target = technique.getAsJsonArray("parameters").get(0).getAsJsonObject();
        assertEquals(40, target.get("default").getAsInt());
        assertEquals("8 to 60 kPa", target.get("allowed").getAsString());
        assertEquals("slow", technique.getAsJsonArray("parameters").get(1).getAsJsonObject().get("default")
                .getAsString());
        conforms("Plan", Wire.plan(Samples.plan()));
        var preview = Wire.preview(Samples.preview(), java.time.Duration.ofMillis(100));
        conforms("Preview", preview);
        assertEquals(List.of(0.0, 0.1, 0.2, 0.3, 0.4), preview.times());
        assertEquals(java.util.Arrays.asList(null, 5.0, 10.0, 15.0, 20.0), preview.cups().get(1).commandKpa(),
                "cup 1 has no sample at 0 s");
        assertEquals(java.util.Arrays.asList(null, 9.0, 18.0, 27.0, 36.0), preview.cups().get(0).measuredKpa(),
                "NaN before the first reading is null");
    }

    @Test
    void healthAndTheRecordsTypesConformAsTheyAre() {
        conforms("Health", Wire.health(true, Samples.journal(), Samples.loop(), Samples.delivery(), 3, 1));
        conforms("Health", Wire.health(false, Samples.journal(), Samples.loop(), null, 0, 0));
        JsonObject health = WireGson.GSON.toJsonTree(Wire.health(false, Samples.journal(), Samples.loop(), null, 0, 0))
                .getAsJsonObject();
        assertEquals("degraded", health.get("status").getAsString());
        assertEquals(20.0, health.getAsJsonObject("loop").get("periodMs").getAsDouble());
        assertEquals(0.22, health.getAsJsonObject("loop").get("p99Ms").getAsDouble());
        conforms("SessionSummary", Samples.record().summary());
        conforms("SessionRecord", Samples.record());
        conforms("SessionRecord", Samples.record().withoutTrace());
    }

    @Test
    void theSmallAnswersAndTheProblemDocumentConform() {
        conforms("Intensity", new IntensityJson(80));
        conforms("Latch", new LatchJson(true));
        conforms("Validation", new ValidationJson(true, new ProgramSummaryJson("lymph", "Lymph", "1.0.0", "lymphatic",
                List.of("kpa 10 to 20"), "4 to 8 cups", List.of("wave"), 4, 95.5)));
        conforms("Problem", Problem.of(400, "bad-request", "Bad request", "cups[1].site.region: unknown",
                List.of(new FieldError("cups[1].site.region", "unknown value 'ELBOW'"))));
    }

    @Test
    void theStreamsEventsConform() {
        conforms("SampleEvent", Wire.sample(Samples.snapshot()));
        conforms("SessionChangeEvent", new SessionChangeJson("s-1", "RUNNING", "PAUSED", "paused by Ana"));
        conforms("SessionChangeEvent", new SessionChangeJson("s-1", null, "SCREENING", ""));
        conforms("DeviceEvent", new DeviceChangeJson("sim-1", "READY", "DISCONNECTED", "lost"));
        conforms("HelloEvent", new HelloJson(true, Wire.snapshot(Samples.snapshot(), Wire.AlarmLookup.NONE),
                List.of(Wire.alarm(Samples.raised("a-1"))), List.of(Wire.device(Samples.device()))));
        conforms("HelloEvent", new HelloJson(false, null, List.of(), List.of()));
        conforms("ResetEvent", new ResetJson("the events after 3 are no longer kept"));
    }

    @Test
    void aSessionRequestReadsBackWhatItWritesAndConformsToItsSchema() {
        SessionRequest request = Samples.request();
        JsonObject written = SessionRequestJson.write(request);
        assertEquals(List.of(), schemas.problems("SessionRequest", written));
        SessionRequest read = SessionRequestJson.read(written, request.operator());
        assertEquals(request, read);
        assertEquals(written, SessionRequestJson.write(read));
    }

    @Test
    void aMinimalSessionRequestTakesTheDefaults() {
        SessionRequest read = SessionRequestJson.read(io.upwell.engine.rest.internal.http.JsonBody.parse("""
                {"client":{"id":"c-1"},"technique":"static-cupping",
                 "cups":[{"device":"sim-1","channel":0,"site":{"region":"UPPER_BACK","side":"LEFT"}}]}
                """), "ana");
        assertEquals("ana", read.operator());
        assertEquals(100, read.intensity());
        assertEquals(java.util.Map.of(), read.parameters());
        assertEquals(null, read.screening());
        assertEquals(null, read.override());
        assertEquals("", read.placements().get(0).site().label());
    }
}
