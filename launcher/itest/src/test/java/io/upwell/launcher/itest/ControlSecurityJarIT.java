package io.upwell.launcher.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SR-18 as an attacker on the loopback interface would try it, against the packaged jar: every
 * route of the engine's own OpenAPI document that changes something (whatever it is, the list comes
 * from the document, so a route added later is attacked too) is sent, with a body that would be
 * valid, without credentials, with a wrong password, with a made-up token, with a viewer's token,
 * with a therapist's token after that therapist logged out, and with a therapist's session cookie
 * but without the header a page of the console sends. Every one must be refused (401, 403 or 429),
 * and the session a therapist started must run on untouched: same state, same intensity, no alarm,
 * not latched, and no command in its journal but the start.
 */
@Tag("SR-18")
class ControlSecurityJarIT {
    private static final Map<String, String> C_LOCALE = Map.of("LANG", "C", "LC_ALL", "C");
    private static final Pattern CONSOLE_LINE = Pattern.compile("Console: http://127\\.0\\.0\\.1:(\\d+)/console/");
    private static final String ADMIN_PASSWORD = "ana's long password";
    private static final String THERAPIST_PASSWORD = "tom's long password";
    private static final String VIEWER_PASSWORD = "vic's long password";

    @TempDir
    Path directory;

    private final HttpClient client = HttpClient.newHttpClient();
    private URI base;
    private LaunchedJar shell;

    @Test
    void noRequestWithoutValidCredentialsOfTheRightRoleChangesAnything() throws Exception {
        try (LaunchedJar shell = LaunchedJar.start(directory, C_LOCALE)) {
            this.shell = shell;
            base = URI.create("http://127.0.0.1:" + consolePort(shell) + "/");
            addUser(shell, "ana", "admin", ADMIN_PASSWORD); // the first user must be an admin
            addUser(shell, "tom", "therapist", THERAPIST_PASSWORD);
            addUser(shell, "vic", "viewer", VIEWER_PASSWORD);
            String therapist = login("tom", THERAPIST_PASSWORD);
            String viewer = login("vic", VIEWER_PASSWORD);
            String loggedOut = login("tom", THERAPIST_PASSWORD);
            assertEquals(2, send("POST", "api/logout", "", bearer(loggedOut)).statusCode() / 100,
                    "the second login of tom logs out");
            String cookie = cookieOf(loginResponse("tom", THERAPIST_PASSWORD));

            HttpResponse<String> started = send("POST", "api/sessions", sessionRequest(), bearer(therapist));
            assertEquals(201, started.statusCode(), started.body());
            String sessionId = JsonParser.parseString(started.body()).getAsJsonObject().get("id").getAsString();
            Await.value("the session running", () -> state(therapist), "RUNNING"::equals, s -> "state " + s);

            Map<String, List<String>> wrongCredentials = new TreeMap<>();
            wrongCredentials.put("none", List.of());
            wrongCredentials.put("a wrong password", List.of("Authorization", basic("tom", "not tom's password")));
            wrongCredentials.put("an unknown user", List.of("Authorization", basic("mallory", THERAPIST_PASSWORD)));
            wrongCredentials.put("a made-up token", List.of("Authorization", "Bearer "
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32])));
            wrongCredentials.put("a token after logout", List.of("Authorization", bearer(loggedOut)));
            wrongCredentials.put("a viewer's token", List.of("Authorization", bearer(viewer)));
            wrongCredentials.put("a therapist's cookie without the console's header", List.of("Cookie", cookie));
            wrongCredentials.put("a therapist's cookie from another site", List.of("Cookie", cookie, "Origin",
                    "http://evil.example", "X-Upwell-Request", "1"));

            List<String[]> routes = changingRoutes(therapist);
            assertTrue(routes.size() >= 10, "the document lists the engine's commands: " + routes.size());
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<String> admitted = new ArrayList<>();
            int tried = 0;
            for (String[] route : routes) {
                String path = route[1].replace("{id}", route[1].startsWith("/api/alarms") ? "al-0-1" : sessionId)
                        .substring(1);
                for (Map.Entry<String, List<String>> credentials : wrongCredentials.entrySet()) {
                    if (route[1].equals("/api/logout") && credentials.getKey().equals("a viewer's token")) {
                        continue; // anyone signed in may end their own login: that changes nothing of the therapy
                    }
                    HttpResponse<String> answer;
                    try {
                        answer = send(route[0], path, bodyFor(route[1]), credentials.getValue().toArray(String[]::new));
                    } catch (java.io.IOException e) {
                        throw new AssertionError(route[0] + " " + route[1] + " with " + credentials.getKey()
                                + " was not answered", e);
                    }
                    tried++;
                    statuses.merge(answer.statusCode(), 1, Integer::sum);
                    int status = answer.statusCode();
                    if (status != 401 && status != 403 && status != 429) {
                        admitted.add(route[0] + " " + route[1] + " with " + credentials.getKey() + ": " + status
                                + " " + answer.body());
                    } else {
                        assertTrue(answer.headers().firstValue("Content-Type").orElse("")
                                .startsWith("application/problem+json"), route[1] + ": " + answer.headers().map());
                    }
                }
            }
            System.out.println("ControlSecurityJarIT: " + tried + " requests on " + routes.size()
                    + " changing routes with " + wrongCredentials.size() + " kinds of wrong credentials; statuses "
                    + statuses);
            assertEquals(List.of(), admitted, "every one refused");

            JsonObject session = get("api/sessions/current", therapist);
            assertEquals(sessionId, session.get("id").getAsString());
            assertEquals("RUNNING", session.get("state").getAsString(), "undisturbed");
            assertEquals(100, session.get("intensity").getAsInt(), "undisturbed");
            assertEquals(0, session.getAsJsonArray("alarms").size(), "no alarm raised: " + session);
            JsonObject health = get("api/health", therapist);
            assertFalse(health.get("latched").getAsBoolean(), "not latched: " + health);

            assertEquals(200, send("POST", "api/sessions/" + sessionId + "/stop", "", bearer(therapist)).statusCode());
            Await.value("the session ended", () -> state(therapist), "ENDED"::equals, s -> "state " + s);
            List<String> commands = new ArrayList<>();
            for (String line : Files.readAllLines(shell.dataDirectory().resolve("sessions")
                    .resolve(sessionId + ".jsonl"))) {
                JsonObject record = JsonParser.parseString(line).getAsJsonObject();
                String type = record.get("type").getAsString();
                if (type.equals("intensity") || type.equals("cue") || type.equals("acknowledge")
                        || type.equals("state") && record.get("reason").getAsString().contains(" by ")) {
                    commands.add(type + " " + record);
                }
            }
            assertEquals(1, commands.size(), "only tom's stop: " + commands);
            assertTrue(commands.get(0).contains("stopped by tom"), commands.get(0));
            shell.endInput();
            assertEquals(0, shell.awaitExit(), shell.stderr());
        }
    }

    /** Every route of the served OpenAPI document that changes something: method and path template. */
    private List<String[]> changingRoutes(String token) throws Exception {
        JsonObject document = get("api/openapi.json", token);
        List<String[]> routes = new ArrayList<>();
        for (Map.Entry<String, JsonElement> path : document.getAsJsonObject("paths").entrySet()) {
            for (String method : path.getValue().getAsJsonObject().keySet()) {
                String upper = method.toUpperCase(java.util.Locale.ROOT);
                if (List.of("POST", "PUT", "DELETE", "PATCH").contains(upper)
                        && !List.of("/api/login", "/api/logout", "/api/setup").contains(path.getKey())) {
                    routes.add(new String[] {upper, path.getKey()});
                }
            }
        }
        // The access bundle's own change, whether or not the document lists it. (Logging out is left out:
        // anyone signed in, a viewer too, may end their own token, and nothing else changes.)
        routes.add(new String[] {"POST", "/api/admin/users"});
        return routes;
    }

    /** A body the route would take from someone allowed: the refusal is about who asks, not what. */
    private static String bodyFor(String route) {
        if (route.equals("/api/sessions") || route.equals("/api/sessions/check") || route.equals("/api/preview")) {
            return sessionRequest();
        }
        if (route.endsWith("/intensity")) {
            return "{\"percent\":150}";
        }
        if (route.endsWith("/cue")) {
            return "{\"cup\":0}";
        }
        if (route.equals("/api/admin/users")) {
            return "{\"user\":\"mallory\",\"role\":\"admin\",\"password\":\"mallory's long password\"}";
        }
        return "{}";
    }

    private static String sessionRequest() {
        JsonObject request = new JsonObject();
        JsonObject client = new JsonObject();
        client.addProperty("id", "c-sec");
        request.add("client", client);
        request.addProperty("technique", "static-cupping");
        JsonObject parameters = new JsonObject();
        parameters.addProperty("targetKpa", 30);
        parameters.addProperty("holdSeconds", 600);
        request.add("parameters", parameters);
        JsonArray cups = new JsonArray();
        JsonObject cup = new JsonObject();
        cup.addProperty("device", "sim-1");
        cup.addProperty("channel", 0);
        JsonObject site = new JsonObject();
        site.addProperty("region", "UPPER_BACK");
        site.addProperty("side", "LEFT");
        cup.add("site", site);
        cups.add(cup);
        request.add("cups", cups);
        request.addProperty("intensity", 100);
        return request.toString();
    }

    private void addUser(LaunchedJar shell, String name, String role, String password) throws Exception {
        shell.type("users add " + name + " --role " + role);
        shell.type(password); // standard input is no terminal: the password is the next line
        shell.awaitOutput("user " + name + " added", "user " + name + " added as " + role);
    }

    private HttpResponse<String> loginResponse(String user, String password) throws Exception {
        JsonObject body = new JsonObject();
        body.addProperty("user", user);
        body.addProperty("password", password);
        HttpResponse<String> answer = send("POST", "api/login", body.toString());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer;
    }

    private String login(String user, String password) throws Exception {
        return JsonParser.parseString(loginResponse(user, password).body()).getAsJsonObject().get("token")
                .getAsString();
    }

    private static String cookieOf(HttpResponse<String> login) {
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private String state(String token) {
        try {
            return get("api/sessions/current", token).get("state").getAsString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonObject get(String path, String token) throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", bearer(token)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        return JsonParser.parseString(answer.body()).getAsJsonObject();
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length == 1) { // one value: an Authorization header
            request.header("Authorization", headers[0]);
        } else {
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError(method + " " + path + " failed (" + e + "); the engine's output:\n"
                    + shell.stdout() + "\n--- stderr ---\n" + shell.stderr(), e);
        }
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static int consolePort(LaunchedJar shell) {
        Matcher matcher = CONSOLE_LINE.matcher("");
        Await.value("the shell to name its console's address", shell::stdout, text -> {
            matcher.reset(text);
            return matcher.find();
        }, text -> "\n--- stdout ---\n" + text + "\n--- stderr ---\n" + shell.stderr());
        return Integer.parseInt(matcher.group(1));
    }
}
