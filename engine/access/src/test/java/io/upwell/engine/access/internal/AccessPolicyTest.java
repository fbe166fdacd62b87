package io.upwell.engine.access.internal;

import static io.upwell.engine.access.internal.AccessPolicy.Requirement.ADMIN;
import static io.upwell.engine.access.internal.AccessPolicy.Requirement.ANY_ROLE;
import static io.upwell.engine.access.internal.AccessPolicy.Requirement.PUBLIC;
import static io.upwell.engine.access.internal.AccessPolicy.Requirement.THERAPIST;
import static io.upwell.engine.access.internal.AccessPolicy.Requirement.VIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.engine.access.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("SR-18")
class AccessPolicyTest {

    static Stream<Arguments> theTableRows() {
        return Stream.of(
                Arguments.of("POST", "/api/login", PUBLIC),
                Arguments.of("GET", "/api/setup", PUBLIC),
                Arguments.of("POST", "/api/setup", PUBLIC),
                Arguments.of("GET", "/api/openapi.json", PUBLIC),
                Arguments.of("GET", "/console/", PUBLIC),
                Arguments.of("GET", "/console/app.js", PUBLIC),
                Arguments.of("HEAD", "/console/style.css", PUBLIC),
                Arguments.of("GET", "/", PUBLIC),
                Arguments.of("POST", "/api/logout", ANY_ROLE),
                Arguments.of("GET", "/api/me", VIEWER),
                Arguments.of("GET", "/api/sessions", VIEWER),
                Arguments.of("HEAD", "/api/devices", VIEWER),
                Arguments.of("GET", "/api/stream", VIEWER),
                Arguments.of("POST", "/api/sessions", THERAPIST),
                Arguments.of("PUT", "/api/sessions/1/intensity", THERAPIST),
                Arguments.of("DELETE", "/api/sessions/1", THERAPIST),
                Arguments.of("POST", "/api/emergency-stop", THERAPIST),
                Arguments.of("PATCH", "/api/alarms/7", THERAPIST),
                Arguments.of("OPTIONS", "/api/sessions", THERAPIST),
                Arguments.of("POST", "/console/anything", THERAPIST),
                Arguments.of("GET", "/api/login", VIEWER),
                Arguments.of("PUT", "/api/setup", THERAPIST),
                Arguments.of("GET", "/api/admin/users", ADMIN),
                Arguments.of("POST", "/api/admin/users", ADMIN),
                Arguments.of("DELETE", "/api/admin/users/tom", ADMIN),
                Arguments.of("GET", "/api/admin", ADMIN),
                Arguments.of("GET", "/system/console", ADMIN),
                Arguments.of("POST", "/system/console/bundles", ADMIN));
    }

    @ParameterizedTest(name = "{0} {1} needs {2}")
    @MethodSource("theTableRows")
    void theTable(String method, String path, AccessPolicy.Requirement expected) {
        assertEquals(expected, AccessPolicy.requirement(method, path));
    }

    static Stream<Arguments> noSpellingOfAProtectedPathReadsAsAPublicOneRows() {
        return Stream.of(
                Arguments.of("GET", "/console/../api/admin/users", ADMIN),
                Arguments.of("GET", "//api//admin/users", ADMIN),
                Arguments.of("GET", "/api/./admin/users", ADMIN),
                Arguments.of("POST", "/console/../api/sessions", THERAPIST),
                Arguments.of("POST", "/api/login/../sessions", THERAPIST),
                Arguments.of("GET", "/console/../../api/sessions", VIEWER),
                Arguments.of("post", "/api/sessions", THERAPIST),
                Arguments.of("GET", "/api/adminx", VIEWER));
    }

    @ParameterizedTest(name = "{0} {1} needs {2}")
    @MethodSource("noSpellingOfAProtectedPathReadsAsAPublicOneRows")
    void noSpellingOfAProtectedPathReadsAsAPublicOne(String method, String path, AccessPolicy.Requirement expected) {
        assertEquals(expected, AccessPolicy.requirement(method, path));
    }

    @Test
    void eachRequirementAdmitsItsRolesAndTheOnesAbove() {
        assertTrue(VIEWER.admits(Role.VIEWER));
        assertTrue(ANY_ROLE.admits(Role.VIEWER));
        assertFalse(THERAPIST.admits(Role.VIEWER));
        assertTrue(THERAPIST.admits(Role.THERAPIST));
        assertTrue(THERAPIST.admits(Role.ADMIN));
        assertFalse(ADMIN.admits(Role.THERAPIST));
        assertTrue(ADMIN.admits(Role.ADMIN));
        assertFalse(VIEWER.admits(null));
        assertTrue(PUBLIC.admits(null));
    }

    @Test
    void onlyReadsAndOptionsChangeNothing() {
        assertFalse(AccessPolicy.changes("GET"));
        assertFalse(AccessPolicy.changes("HEAD"));
        assertFalse(AccessPolicy.changes("OPTIONS"));
        assertTrue(AccessPolicy.changes("POST"));
        assertTrue(AccessPolicy.changes("PUT"));
        assertTrue(AccessPolicy.changes("PATCH"));
        assertTrue(AccessPolicy.changes("DELETE"));
        assertTrue(AccessPolicy.changes("PROPFIND"));
    }
}
