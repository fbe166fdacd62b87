package io.upwell.launcher.itest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.osgi.framework.BundleContext;

/** Requests to the REST API as an integrator sends them, over HTTP on the loopback interface. */
public final class RestClient {

    /** The user the tests act as, unless a test names another. */
    public static final String THERAPIST = "itest-therapist";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    public RestClient(BundleContext context) {
        this.base = URI.create("http://127.0.0.1:" + context.getProperty(RestFramework.PORT));
    }

    public URI base() {
        return base;
    }

    public HttpClient http() {
        return http;
    }

    /** An answer: status, headers and body. */
    public record Answer(int status, java.net.http.HttpHeaders headers, String body) {

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public JsonElement json() {
            try {
                return JsonParser.parseString(body);
            } catch (RuntimeException e) {
                throw new AssertionError("not JSON (" + status + " " + contentType() + "): " + body, e);
            }
        }

        public JsonObject object() {
            return json().getAsJsonObject();
        }

        public boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body);
        }
    }

    public Answer get(String path) {
        return send("GET", path, THERAPIST, null, null, Map.of());
    }

    public Answer post(String path, String json) {
        return send("POST", path, THERAPIST, json == null ? null : "application/json", json, Map.of());
    }

    public Answer put(String path, String json) {
        return send("PUT", path, THERAPIST, "application/json", json, Map.of());
    }

    /**
     * Any request: {@code user} null sends none; {@code body} null sends no body.
     */
    public Answer send(String method, String path, String user, String contentType, String body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            request.header(TestAccessContext.USER_HEADER, user);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
