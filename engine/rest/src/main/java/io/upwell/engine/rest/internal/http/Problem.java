package io.upwell.engine.rest.internal.http;

import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem document, as every refusal and failure of the API answers it
 * ({@value #CONTENT_TYPE}).
 *
 * @param type   {@value #TYPE_PREFIX} and a slug naming the kind of problem
 * @param title  the kind of problem in words, the same for every problem of its type
 * @param status the HTTP status
 * @param detail what went wrong with this request, for a person
 * @param errors each field at fault with its JSON path; empty when the problem is not about fields
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "https://upwell.io/problems/";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        detail = detail == null ? "" : detail;
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(int status, String slug, String title, String detail, List<FieldError> errors) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, errors);
    }
}
