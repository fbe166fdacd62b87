package io.upwell.launcher.loadbench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The engine's REST API as the benchmark's therapist uses it, with a bearer token from the login. */
final class Api {
    final HttpClient client;
    final URI base;
    private String token;

    Api(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    void login(String user, String password) throws IOException, InterruptedException {
        JsonObject body = new JsonObject();
        body.addProperty("user", user);
        body.addProperty("password", password);
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(base.resolve("api/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("login refused: " + answer.statusCode() + " " + answer.body());
        }
        token = JsonParser.parseString(answer.body()).getAsJsonObject().get("token").getAsString();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10));
    }

    JsonObject get(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + answer.statusCode() + " " + answer.body());
        }
        return JsonParser.parseString(answer.body()).getAsJsonObject();
    }

    JsonObject send(String method, String path, JsonObject body) throws IOException, InterruptedException {
        HttpResponse<String> answer = client.send(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + ": " + answer.statusCode() + " " + answer.body());
        }
        return answer.body().isBlank() ? new JsonObject() : JsonParser.parseString(answer.body()).getAsJsonObject();
    }
}
