package io.upwell.engine.rest.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every operation the API serves, and which one a request names. A path no route knows is 404; a
 * known path with another method is 405 with the methods it has.
 */
public final class RouteTable {

    /** What a request resolves to. */
    public sealed interface Resolution permits Found, WrongMethod, Unknown {
    }

    public record Found(Route route, Map<String, String> parameters) implements Resolution {
    }

    public record WrongMethod(Set<String> allowed) implements Resolution {
    }

    public record Unknown() implements Resolution {
    }

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
        Set<String> seen = new java.util.HashSet<>();
        for (Route route : this.routes) {
            if (!seen.add(route.method() + " " + route.template())) {
                throw new IllegalArgumentException("route " + route.method() + " " + route.template()
                        + " is declared twice");
            }
        }
    }

    public List<Route> routes() {
        return routes;
    }

    /**
     * The route for {@code method} on {@code path} (decoded, from the server's root). A literal segment
     * wins over a parameter ({@code /api/alarms/acknowledge} over {@code /api/alarms/{id}}); HEAD is
     * answered by the GET route.
     */
    public Resolution resolve(String method, String path) {
        List<String> segments = split(path);
        if (segments == null) {
            return new Unknown();
        }
        String wanted = method.equals("HEAD") ? "GET" : method;
        // The path belongs to the routes that match it with the most literal segments.
        int mostLiterals = -1;
        List<Found> owners = new ArrayList<>();
        for (Route route : routes) {
            Map<String, String> parameters = route.match(segments);
            if (parameters == null) {
                continue;
            }
            int literals = segments.size() - parameters.size();
            if (literals > mostLiterals) {
                mostLiterals = literals;
                owners.clear();
            }
            if (literals == mostLiterals) {
                owners.add(new Found(route, parameters));
            }
        }
        if (owners.isEmpty()) {
            return new Unknown();
        }
        Set<String> allowed = new TreeSet<>();
        for (Found owner : owners) {
            if (owner.route().method().equals(wanted)) {
                return owner;
            }
            allowed.add(owner.route().method());
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        return new WrongMethod(allowed);
    }

    private static List<String> split(String path) {
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        List<String> segments = new ArrayList<>(List.of(path.substring(1).split("/", -1)));
        return segments;
    }
}
