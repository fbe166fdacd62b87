package io.upwell.engine.rest.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static final Route.Handler NONE = exchange -> { };

    private final RouteTable table = new RouteTable(List.of(
            new Route("GET", "/api/alarms", "list", NONE),
            new Route("GET", "/api/alarms/{id}", "get", NONE),
            new Route("POST", "/api/alarms/{id}/acknowledge", "ackOne", NONE),
            new Route("POST", "/api/alarms/acknowledge", "ackAll", NONE),
            new Route("PUT", "/api/sessions/{id}/intensity", "intensity", NONE)));

    private RouteTable.Found found(String method, String path) {
        return assertInstanceOf(RouteTable.Found.class, table.resolve(method, path));
    }

    @Test
    void aPathFindsItsRouteAndItsParameters() {
        assertEquals("get", found("GET", "/api/alarms/a-17").route().operationId());
        assertEquals(Map.of("id", "a-17"), found("GET", "/api/alarms/a-17").parameters());
        assertEquals(Map.of("id", "s 1"), found("PUT", "/api/sessions/s 1/intensity").parameters());
        assertEquals("list", found("HEAD", "/api/alarms").route().operationId(), "HEAD is answered by GET");
    }

    @Test
    void aLiteralSegmentWinsOverAParameter() {
        assertEquals("ackAll", found("POST", "/api/alarms/acknowledge").route().operationId());
        assertEquals("ackOne", found("POST", "/api/alarms/acknowledge/acknowledge").route().operationId());
        // the path is the acknowledge-all operation's, which takes POST only: not an alarm called "acknowledge"
        assertEquals(new RouteTable.WrongMethod(Set.of("POST")), table.resolve("GET", "/api/alarms/acknowledge"));
    }

    @Test
    void aKnownPathWithAnotherMethodIs405WithTheMethodsItHas() {
        assertEquals(new RouteTable.WrongMethod(Set.of("GET", "HEAD")), table.resolve("DELETE", "/api/alarms/a-1"));
        assertEquals(new RouteTable.WrongMethod(Set.of("PUT")), table.resolve("POST", "/api/sessions/x/intensity"));
    }

    @Test
    void anythingElseIsUnknown() {
        for (String path : new String[] {"/api/alarm", "/api/alarms/", "/api/alarms//acknowledge", "/api",
            "/api/alarms/a/b/c", "", "api/alarms", "/API/ALARMS"}) {
            assertEquals(new RouteTable.Unknown(), table.resolve("GET", path), path);
        }
    }

    @Test
    void aRouteDeclaredTwiceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RouteTable(List.of(
                new Route("GET", "/api/x", "a", NONE), new Route("GET", "/api/x", "b", NONE))));
    }
}
