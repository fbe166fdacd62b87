package io.upwell.launcher.itest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.upwell.api.session.SessionState;
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
        JsonArray cups = new JsonArray();
        String[][] sites = {{"UPPER_BACK", "LEFT"}, {"UPPER_BACK", "RIGHT"}, {"LOWER_BACK", "LEFT"},
            {"LOWER_BACK", "RIGHT"}};
        for (int channel = 0; channel < 4; channel++) {
            JsonObject cup = new JsonObject();
            cup.addProperty("device", Sessions.SIMULATOR_ID);
            cup.addProperty("channel", channel);
            JsonObject site = new JsonObject();
            site.addProperty("region", sites[channel][0]);
            site.addProperty("side", sites[channel][1]);
            cup.add("site", site);
            cups.add(cup);
        }
        request.add("cups", cups);
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
}
