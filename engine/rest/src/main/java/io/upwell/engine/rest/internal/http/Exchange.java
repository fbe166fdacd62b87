package io.upwell.engine.rest.internal.http;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One request and its response, as a resource sees them: the route's path parameters, the query,
 * the signed-in user, the JSON body, and ways to answer with JSON, text or a problem document.
 */
public final class Exchange {

    public static final String JSON = "application/json";

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Map<String, String> parameters;
    private final Gson gson;
    private Map<String, List<String>> query;

    public Exchange(HttpServletRequest request, HttpServletResponse response, Map<String, String> parameters,
            Gson gson) {
        this.request = request;
        this.response = response;
        this.parameters = Map.copyOf(parameters);
        this.gson = gson;
    }

    public HttpServletRequest request() {
        return request;
    }

    public HttpServletResponse response() {
        return response;
    }

    /** A parameter of the route's path template. */
    public String parameter(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalStateException("the route has no path parameter " + name);
        }
        return value;
    }

    /**
     * A query parameter given once, or null when absent. Read from the query string alone (never from a
     * form body), and refused when given twice or not among {@code known}.
     */
    public String query(String name, Set<String> known) {
        Map<String, List<String>> all = query();
        for (String given : all.keySet()) {
            if (!known.contains(given)) {
                throw ApiException.badRequest(given, "unknown query parameter '" + given + "'; this operation takes "
                        + (known.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(known))));
            }
        }
        List<String> values = all.get(name);
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiException.badRequest(name, "query parameter '" + name + "' is given " + values.size()
                    + " times; give it once");
        }
        return values.get(0);
    }

    private Map<String, List<String>> query() {
        if (query == null) {
            Map<String, List<String>> parsed = new LinkedHashMap<>();
            String raw = request.getQueryString();
            if (raw != null && !raw.isEmpty()) {
                for (String pair : raw.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int equals = pair.indexOf('=');
                    String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                    String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                    parsed.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                }
            }
            query = parsed;
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("", "the query string is not validly percent-encoded: "
                    + JsonBody.abbreviate(text));
        }
    }

    /**
     * Who sends the request, as the access layer authenticated it: the name every command is journaled
     * with. A request without one is refused (401); no name is ever made up.
     */
    public String user() {
        String user = request.getRemoteUser();
        if (user == null || user.isBlank()) {
            throw ApiException.unauthenticated();
        }
        return user;
    }

    /** The request's JSON body ({@link JsonBody}). */
    public JsonElement body() throws IOException {
        return JsonBody.read(request);
    }

    public void json(int status, Object value) throws IOException {
        JsonElement tree = value instanceof JsonElement element ? element : gson.toJsonTree(value);
        text(status, JSON, gson.toJson(tree));
    }

    public void text(int status, String contentType, String body) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        // not flushed: the container completes the response and, for a small one, sends its length
        PrintWriter writer = response.getWriter();
        writer.write(body);
    }

    /** A body a browser saves as {@code fileName} rather than shows. */
    public void attachment(String contentType, String fileName, String body) throws IOException {
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]",
                "_") + "\"");
        text(200, contentType, body);
    }

    public void noContent() {
        response.setStatus(204);
        response.setHeader("Cache-Control", "no-store");
    }

    public void problem(Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.CONTENT_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter writer = response.getWriter();
        writer.write(gson.toJson(problem));
    }
}
