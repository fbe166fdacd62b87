package io.upwell.launcher.itest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.upwell.api.session.SessionState;
import java.util.List;
import java.util.stream.StreamSupport;

/** Session requests as JSON and waits on sessions read over REST, for the REST tests. */
public final class RestSessions {

    private RestSessions() {
    }

    /**
     * Static cupping at {@code targetKpa} on the simulator's four channels, without screening (the
     * simulator needs none), as the contract's request JSON.
     */
    public static JsonObject staticCupping(double targetKpa, double holdSeconds) {
        return staticCupping(List.of(Sessions.SIMULATOR_ID), 4, targetKpa, holdSeconds);
    }

    /**
     * Static cupping on the first {@code cupsEach} channels of each device, on sites of the back,
     * shoulders and hips.
     */
    public static JsonObject staticCupping(List<String> devices, int cupsEach, double targetKpa, double holdSeconds) {
        JsonObject request = new JsonObject();
        JsonObject client = new JsonObject();
        client.addProperty("id", "itest-client");
        client.addProperty("displayName", "Integration test");
        request.add("client", client);
        request.addProperty("technique", Sessions.STATIC_CUPPING);
        JsonObject parameters = new JsonObject();
        parameters.addProperty("targetKpa", targetKpa);
        parameters.addProperty("rampInSeconds", 3);
        parameters.addProperty("holdSeconds", holdSeconds);
        parameters.addProperty("rampOutSeconds", 3);
        request.add("parameters", parameters);
        JsonArray placements = new JsonArray();
        String[] regions = {"UPPER_BACK", "UPPER_BACK", "LOWER_BACK", "LOWER_BACK", "SHOULDER", "SHOULDER", "GLUTES",
            "GLUTES", "THIGH", "THIGH"};
        for (String device : devices) {
            for (int channel = 0; channel < cupsEach; channel++) {
                JsonObject cup = new JsonObject();
                cup.addProperty("device", device);
                cup.addProperty("channel", channel);
                JsonObject site = new JsonObject();
                site.addProperty("region", regions[channel % regions.length]);
                site.addProperty("side", channel % 2 == 0 ? "LEFT" : "RIGHT");
                cup.add("site", site);
                placements.add(cup);
            }
        }
        request.add("cups", placements);
        request.addProperty("intensity", 100);
        return request;
    }

    /** A session that holds vacuum far longer than any test. */
    public static JsonObject holding() {
        return staticCupping(Sessions.HOLDING_TARGET_KPA, 900);
    }

    /** Waits until GET /api/sessions/{id} says the session is in {@code state}, and returns that snapshot. */
    public static JsonObject awaitState(RestClient rest, String id, SessionState state) {
        return Await.value("session " + id + " " + state + " over REST", () -> rest.get("/api/sessions/" + id),
                answer -> answer.status() == 200 && answer.object().get("state").getAsString().equals(state.name()),
                RestClient.Answer::toString).object();
    }

    /** Waits until the session runs with at least {@code kpa} measured on every cup, read over REST. */
    public static JsonObject awaitHolding(RestClient rest, String id) {
        return Await.value("session " + id + " RUNNING with " + Sessions.HOLDING_MEASURED_KPA + " kPa on every cup",
                () -> rest.get("/api/sessions/" + id), answer -> answer.status() == 200
                        && answer.object().get("state").getAsString().equals("RUNNING")
                        && StreamSupport.stream(answer.object().getAsJsonArray("cups").spliterator(), false)
                                .allMatch(cup -> !cup.getAsJsonObject().get("measuredKpa").isJsonNull()
                                        && cup.getAsJsonObject().get("measuredKpa").getAsDouble()
                                                >= Sessions.HOLDING_MEASURED_KPA),
                RestClient.Answer::toString).object();
    }

    /**
     * Leaves the machine at rest for the next test of the class, which shares its data directory: a
     * session still live is stopped and the latch acknowledged, as a therapist ends the day.
     */
    public static void leaveAtRest(io.upwell.api.session.SessionService engine) throws Exception {
        var live = engine.current().filter(s -> !s.state().isFinal());
        if (live.isPresent()) {
            try {
                live.get().stop();
            } catch (io.upwell.api.session.SessionException e) {
                // ended meanwhile
            }
            Sessions.awaitFinal(live.get());
        }
        if (engine.latched()) {
            engine.acknowledge("itest: after the test");
        }
    }
}
