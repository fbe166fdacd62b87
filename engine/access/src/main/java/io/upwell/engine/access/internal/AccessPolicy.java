package io.upwell.engine.access.internal;

import io.upwell.engine.access.Role;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Who may make which request: a fixed table the REST, stream and console bundles rely on.
 * <ul>
 * <li>public (no login): {@code POST /api/login}, {@code GET|POST /api/setup},
 * {@code GET /api/openapi.json}, {@code GET /console} and everything under {@code /console/}, and
 * {@code GET /} itself (a redirect to the console);</li>
 * <li>any logged-in role: {@code POST /api/logout};</li>
 * <li>admin only: everything under {@code /api/admin/} and {@code /system/console}, any method;</li>
 * <li>{@code GET} and {@code HEAD} anywhere else: viewer, therapist or admin;</li>
 * <li>any other method anywhere else: therapist or admin.</li>
 * </ul>
 * The path is the one inside the servlet context, already decoded; it is normalised here (repeated
 * slashes, {@code .} and {@code ..} segments) before the table is read, so that no spelling of a
 * protected path reads as a public one.
 */
final class AccessPolicy {

    /** What a request needs. */
    enum Requirement {
        PUBLIC(null), ANY_ROLE(Role.VIEWER), VIEWER(Role.VIEWER), THERAPIST(Role.THERAPIST), ADMIN(Role.ADMIN);

        private final Role least;

        Requirement(Role least) {
            this.least = least;
        }

        /** The least role that meets it; null for {@link #PUBLIC}. */
        Role least() {
            return least;
        }

        boolean admits(Role role) {
            return least == null || (role != null && role.covers(least));
        }
    }

    private AccessPolicy() {
    }

    static Requirement requirement(String method, String path) {
        String verb = method == null ? "" : method.toUpperCase(Locale.ROOT);
        String canonical = canonical(path);
        boolean reads = verb.equals("GET") || verb.equals("HEAD");
        if (under(canonical, "/api/admin") || under(canonical, "/system/console")) {
            return Requirement.ADMIN;
        }
        if (verb.equals("POST") && canonical.equals("/api/login")) {
            return Requirement.PUBLIC;
        }
        if ((reads || verb.equals("POST")) && canonical.equals("/api/setup")) {
            return Requirement.PUBLIC;
        }
        if (reads && (canonical.equals("/") || canonical.equals("/api/openapi.json") || under(canonical, "/console"))) {
            return Requirement.PUBLIC;
        }
        if (verb.equals("POST") && canonical.equals("/api/logout")) {
            return Requirement.ANY_ROLE;
        }
        return reads ? Requirement.VIEWER : Requirement.THERAPIST;
    }

    /** Whether a request with this method changes something (and needs the CSRF header when cookie-authenticated). */
    static boolean changes(String method) {
        String verb = method == null ? "" : method.toUpperCase(Locale.ROOT);
        return !(verb.equals("GET") || verb.equals("HEAD") || verb.equals("OPTIONS"));
    }

    /** {@code path} is {@code prefix} or below it. */
    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /**
     * The path with repeated slashes folded and dot segments resolved (a {@code ..} above the root
     * stays at the root); always starts with a slash; a trailing slash is kept.
     */
    static String canonical(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
                continue;
            }
            segments.addLast(segment);
        }
        StringBuilder result = new StringBuilder();
        for (String segment : segments) {
            result.append('/').append(segment);
        }
        boolean trailing = path.endsWith("/") && !segments.isEmpty();
        if (result.length() == 0) {
            return "/";
        }
        return trailing ? result.append('/').toString() : result.toString();
    }
}
