package io.upwell.engine.rest.internal.http;

import io.upwell.api.session.SessionState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the engine's refusals ({@code SessionException} messages) into problem documents: 409 when the
 * refusal is about the engine's state (a session already running or in the wrong state, the latch set,
 * the loop not ticking), 422 when the request itself was refused; the message is the detail, and each
 * problem of a refused session request that names a cup, a parameter, the technique or the screening
 * becomes an entry of {@code errors} with that field's JSON path.
 */
public final class EngineRefusals {

    private static final String STATES = Arrays.stream(SessionState.values()).map(Enum::name)
            .collect(Collectors.joining("|"));
    /** Refusals about the engine's state rather than the request: each of these is 409. */
    private static final List<Pattern> STATE_CONFLICTS = List.of(
            Pattern.compile("session \\S+ is (" + STATES + ")\\b"),
            Pattern.compile("latched"),
            Pattern.compile("another session is being started"),
            Pattern.compile("no session can start"),
            Pattern.compile("paused by a fault"),
            Pattern.compile("cannot resume"),
            Pattern.compile("control loop"),
            Pattern.compile("the engine is not running"));
    private static final String REFUSED = "session request refused: ";
    /** Where one problem of a refused request ends and the next begins: each starts with what it is about. */
    private static final Pattern NEXT_PROBLEM = Pattern.compile(
            "; (?=cup \\d+[ :]|parameter '|technique '|screening|unknown technique)");
    private static final Pattern CUP = Pattern.compile("^cup (\\d+)(?: \\([^)]*\\))?: (.*)$", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("parameter '([^']+)'");

    private EngineRefusals() {
    }

    /** The problem for a refusal of a command or request. */
    public static ApiException of(String message) {
        String detail = message == null || message.isBlank() ? "the engine refused the request" : message;
        if (isStateConflict(detail)) {
            return ApiException.conflict(detail);
        }
        return ApiException.refused(detail, fields(detail));
    }

    static boolean isStateConflict(String message) {
        return STATE_CONFLICTS.stream().anyMatch(p -> p.matcher(message).find());
    }

    /** The fields a refusal names, each with its own words. */
    static List<FieldError> fields(String message) {
        List<FieldError> errors = new ArrayList<>();
        if (message.startsWith("unknown technique")) {
            errors.add(new FieldError("technique", message));
            return errors;
        }
        if (!message.startsWith(REFUSED)) {
            return errors;
        }
        for (String problem : NEXT_PROBLEM.split(message.substring(REFUSED.length()))) {
            errors.add(new FieldError(field(problem), problem));
        }
        return errors;
    }

    private static String field(String problem) {
        Matcher cup = CUP.matcher(problem);
        if (cup.matches()) {
            String base = JsonPaths.element("cups", Integer.parseInt(cup.group(1)));
            String rest = cup.group(2);
            Matcher parameter = PARAMETER.matcher(rest);
            if (parameter.find()) {
                return JsonPaths.field(JsonPaths.field(base, "overrides"), parameter.group(1));
            }
            if (rest.startsWith("no device")) {
                return JsonPaths.field(base, "device");
            }
            if (rest.startsWith("the device has channels") || rest.startsWith("that channel")) {
                return JsonPaths.field(base, "channel");
            }
            if (rest.contains("is meant for")) {
                return JsonPaths.field(JsonPaths.field(base, "site"), "region");
            }
            if (rest.contains("screening")) {
                return "screening";
            }
            return base;
        }
        Matcher parameter = PARAMETER.matcher(problem);
        if (parameter.find()) {
            return JsonPaths.field("parameters", parameter.group(1));
        }
        if (problem.startsWith("screening")) {
            return "screening";
        }
        if (problem.startsWith("over-treatment")) {
            return "override";
        }
        return "";
    }
}
