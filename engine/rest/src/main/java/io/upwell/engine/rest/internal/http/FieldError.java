package io.upwell.engine.rest.internal.http;

import java.util.Objects;

/**
 * One thing wrong with a request, and where.
 *
 * @param field   the JSON path of the field, for example {@code cups[1].site.region}; empty for the body
 *                as a whole, and a query parameter's or header's own name for those
 * @param message what is wrong and what is allowed
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
