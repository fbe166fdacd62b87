package io.upwell.launcher.itest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.upwell.engine.access.AccessException;
import io.upwell.engine.access.Role;
import io.upwell.engine.access.UserAdministration;
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

/**
 * Requests to the REST API as an integrator sends them: over HTTP on the loopback interface, signed
 * in through the access bundle ({@code POST /api/login}) and carrying the token as
 * {@code Authorization: Bearer}.
 */
public final class RestClient {

    /** The therapist the tests act as, unless a test says otherwise. */
    public static final String THERAPIST = "itest-therapist";
    public static final String VIEWER = "itest-viewer";
    private static final String ADMIN = "itest-admin";
    private static final String PASSWORD = "the integration test's long password";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final BundleContext context;
    private String token;

    public RestClient(BundleContext context) {
        this.context = context;
        this.base = URI.create("http://127.0.0.1:" + context.getProperty(UpwellFramework.HTTP_PORT));
    }

    public URI base() {
        return base;
    }

    public HttpClient http() {
        return http;
    }

    /** The therapist's token, once {@link #signIn} has run. */
    public String token() {
        if (token == null) {
            throw new IllegalStateException("not signed in");
        }
        return token;
    }

    /** Waits until the API answers, makes the therapist and the viewer if they are missing, and signs the therapist in. */
    public RestClient signIn() {
        Await.value("the REST API answering GET /api/openapi.json", () -> {
            try {
                return send("GET", "/api/openapi.json", null, null, null, Map.of());
            } catch (RuntimeException e) {
                return null;
            }
        }, answer -> answer != null && answer.status() == 200, String::valueOf);
        this.token = login(THERAPIST, Role.THERAPIST);
        Await.value("the REST API answering GET /api/health to the therapist", () -> get("/api/health"),
                answer -> answer.status() == 200, Answer::toString);
        return this;
    }

    /** Logs {@code user} in (made with {@code role} if missing) and returns the token. */
    public String login(String user, Role role) {
        UserAdministration users = UpwellServices.await(context, UserAdministration.class, null);
        try {
            if (users.users().isEmpty()) {
                users.add(ADMIN, Role.ADMIN, PASSWORD.toCharArray(), "itest"); // the first user is an admin
            }
            if (users.users().stream().noneMatch(account -> account.name().equals(user))) {
                users.add(user, role, PASSWORD.toCharArray(), "itest");
            }
        } catch (AccessException e) {
            throw new AssertionError("cannot make user " + user + ": " + e.getMessage(), e);
        }
        JsonObject credentials = new JsonObject();
        credentials.addProperty("user", user);
        credentials.addProperty("password", PASSWORD);
        Answer login = send("POST", "/api/login", null, "application/json", credentials.toString(), Map.of());
        if (login.status() != 200) {
            throw new AssertionError("login of " + user + ": " + login);
        }
        return login.object().get("token").getAsString();
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
        return send("GET", path, token(), null, null, Map.of());
    }

    public Answer post(String path, String json) {
        return send("POST", path, token(), json == null ? null : "application/json", json, Map.of());
    }

    public Answer put(String path, String json) {
        return send("PUT", path, token(), "application/json", json, Map.of());
    }

    /** Any request: {@code bearer} null sends no credentials; {@code body} null sends no body. */
    public Answer send(String method, String path, String bearer, String contentType, String body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(
                    StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
