package io.upwell.engine.access.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** JSON in and out of the access layer's servlets: bounded request bodies, objects with named fields. */
final class Json {

    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private Json() {
    }

    /** Thrown with the problem to answer instead of the request. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Problem problem;

        Refusal(Problem problem) {
            super(problem.detail());
            this.problem = problem;
        }
    }

    /**
     * The request's body as a JSON object, read only up to {@code limit} bytes: a larger declared
     * length is refused before reading, a longer body as soon as the limit is passed (413). The
     * content type must be {@code application/json} (415), which a cross-site HTML form cannot send.
     */
    static JsonObject object(HttpServletRequest request, int limit) throws Refusal, IOException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim()
                .equals("application/json")) {
            throw new Refusal(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "the body must be JSON with Content-Type: application/json"));
        }
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw new Refusal(tooLarge(limit));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        try (InputStream in = request.getInputStream()) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                if (body.size() + read > limit) {
                    throw new Refusal(tooLarge(limit));
                }
                body.write(buffer, 0, read);
            }
        }
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(body.toString(StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new Refusal(Problem.badRequest("the body is not valid JSON"));
        }
        if (!parsed.isJsonObject()) {
            throw new Refusal(Problem.badRequest("the body must be a JSON object"));
        }
        return parsed.getAsJsonObject();
    }

    /** The string field {@code name}: required, a string. */
    static String text(JsonObject object, String name) throws Refusal {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            throw new Refusal(Problem.badRequest("field '" + name + "' is required"));
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new Refusal(Problem.badRequest("field '" + name + "' must be a string"));
        }
        return value.getAsString();
    }

    /** The string field {@code name} when present; null when absent. */
    static String optionalText(JsonObject object, String name) throws Refusal {
        return object.has(name) && !object.get(name).isJsonNull() ? text(object, name) : null;
    }

    static void send(HttpServletResponse response, int status, JsonElement body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(GSON.toJson(body)); // not flushed, as Problem.send explains
    }

    private static Problem tooLarge(int limit) {
        return Problem.of(413, "body-too-large", "Request body too large",
                "the body may have at most " + limit + " bytes");
    }
}
