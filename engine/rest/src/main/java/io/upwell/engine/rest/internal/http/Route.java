package io.upwell.engine.rest.internal.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One operation of the API: a method on a path template such as {@code /api/sessions/{id}/pause},
 * where each {@code {name}} stands for one non-empty path segment.
 *
 * @param method      the HTTP method
 * @param template    the path template, from the server's root
 * @param operationId the operation's name in the OpenAPI document
 * @param handler     what answers it
 */
public record Route(String method, String template, String operationId, Handler handler) {

    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {
        void handle(Exchange exchange) throws IOException;
    }

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(handler, "handler");
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("route template must start with '/': " + template);
        }
    }

    /** The template's segments, without the leading empty one. */
    List<String> segments() {
        return List.of(template.substring(1).split("/", -1));
    }

    /** The names of the template's parameters, in order. */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (String segment : segments()) {
            if (isParameter(segment)) {
                names.add(segment.substring(1, segment.length() - 1));
            }
        }
        return names;
    }

    /**
     * The parameters this route reads from {@code path} (already split into segments, decoded), or
     * null when the path is not this route's.
     */
    Map<String, String> match(List<String> pathSegments) {
        List<String> segments = segments();
        if (segments.size() != pathSegments.size()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String expected = segments.get(i);
            String actual = pathSegments.get(i);
            if (isParameter(expected)) {
                if (actual.isEmpty()) {
                    return null;
                }
                parameters.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equals(actual)) {
                return null;
            }
        }
        return parameters;
    }

    private static boolean isParameter(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }
}
