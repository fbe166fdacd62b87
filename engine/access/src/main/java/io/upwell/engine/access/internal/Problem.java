package io.upwell.engine.access.internal;

import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * An RFC 9457 problem document ({@code application/problem+json}): what every refusal of the access
 * layer answers, never an HTML page or a stack trace.
 */
record Problem(int status, String type, String title, String detail, Duration retryAfter) {

    static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:upwell:problem:";

    static Problem of(int status, String slug, String title, String detail) {
        return new Problem(status, TYPE_PREFIX + slug, title, detail, null);
    }

    static Problem unauthenticated(String detail) {
        return of(401, "unauthenticated", "Authentication required", detail);
    }

    static Problem forbidden(String detail) {
        return of(403, "forbidden", "Forbidden", detail);
    }

    static Problem badRequest(String detail) {
        return of(400, "bad-request", "Bad request", detail);
    }

    static Problem tooManyAttempts(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new Problem(429, TYPE_PREFIX + "too-many-attempts", "Too many failed attempts",
                "too many failed attempts for this user name or from this address; try again in " + seconds + " s",
                Duration.ofSeconds(seconds));
    }

    JsonObject json() {
        JsonObject body = new JsonObject();
        body.addProperty("type", type);
        body.addProperty("title", title);
        body.addProperty("status", status);
        body.addProperty("detail", detail);
        return body;
    }

    /** Writes this problem as the whole response (after anything set on it already, such as cookies). */
    void send(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        if (retryAfter != null) {
            response.setHeader("Retry-After", Long.toString(retryAfter.toSeconds()));
        }
        // Not flushed: the response stays uncommitted until the container completes it, so that the
        // container can still say "Connection: close" when it closes a connection whose request body
        // nobody read. A flushed answer has no such header, and a client that reuses the connection
        // for its next request finds it closed, unanswered.
        PrintWriter writer = response.getWriter();
        writer.write(Json.GSON.toJson(json()));
    }
}
