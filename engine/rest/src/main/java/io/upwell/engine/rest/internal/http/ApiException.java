package io.upwell.engine.rest.internal.http;

import java.util.List;

/**
 * A request the API answers with a problem document instead of a result. Thrown by a resource and
 * turned into the response by the servlet, never shown as a stack trace.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ApiException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ApiException badRequest(String detail, List<FieldError> errors) {
        return new ApiException(Problem.of(400, "bad-request", "Bad request", detail, errors));
    }

    public static ApiException badRequest(String field, String message) {
        return badRequest(message, List.of(new FieldError(field, message)));
    }

    public static ApiException unauthenticated() {
        return new ApiException(Problem.of(401, "unauthenticated", "Authentication required",
                "no signed-in user came with the request; every command names who gives it", List.of()));
    }

    public static ApiException notFound(String detail) {
        return new ApiException(Problem.of(404, "not-found", "Not found", detail, List.of()));
    }

    public static ApiException conflict(String detail) {
        return new ApiException(Problem.of(409, "conflict", "Conflict with the engine's state", detail, List.of()));
    }

    public static ApiException refused(String detail, List<FieldError> errors) {
        return new ApiException(Problem.of(422, "refused", "Refused", detail, errors));
    }

    public static ApiException unavailable(String detail) {
        return new ApiException(Problem.of(503, "unavailable", "Service unavailable", detail, List.of()));
    }
}
