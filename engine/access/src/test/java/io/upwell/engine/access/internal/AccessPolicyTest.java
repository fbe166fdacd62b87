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
import org.junit.jupiter.params.provider.CsvSource;

@Tag("SR-18")
class AccessPolicyTest {

    @ParameterizedTest(name = "{0} {1} needs {2}")
    @CsvSource({
        "POST, /api/login, PUBLIC",
        "GET, /api/setup, PUBLIC",
        "POST, /api/setup, PUBLIC",
        "GET, /api/openapi.json, PUBLIC",
        "GET, /console/, PUBLIC",
        "GET, /console/app.js, PUBLIC",
        "HEAD, /console/style.css, PUBLIC",
        "GET, /, PUBLIC",
        "POST, /api/logout, ANY_ROLE",
        "GET, /api/me, VIEWER",
        "GET, /api/sessions, VIEWER",
        "HEAD, /api/devices, VIEWER",
        "GET, /api/stream, VIEWER",
        "POST, /api/sessions, THERAPIST",
        "PUT, /api/sessions/1/intensity, THERAPIST",
        "DELETE, /api/sessions/1, THERAPIST",
        "POST, /api/emergency-stop, THERAPIST",
        "PATCH, /api/alarms/7, THERAPIST",
        "OPTIONS, /api/sessions, THERAPIST",
        "POST, /console/anything, THERAPIST",
        "GET, /api/login, VIEWER",
        "PUT, /api/setup, THERAPIST",
        "GET, /api/admin/users, ADMIN",
        "POST, /api/admin/users, ADMIN",
        "DELETE, /api/admin/users/tom, ADMIN",
        "GET, /api/admin, ADMIN",
        "GET, /system/console, ADMIN",
        "POST, /system/console/bundles, ADMIN",
    })
    void theTable(String method, String path, AccessPolicy.Requirement expected) {
        assertEquals(expected, AccessPolicy.requirement(method, path));
    }

    @ParameterizedTest(name = "{0} {1} needs {2}")
    @CsvSource({
        "GET, /console/../api/admin/users, ADMIN",
        "GET, //api//admin/users, ADMIN",
        "GET, /api/./admin/users, ADMIN",
        "POST, /console/../api/sessions, THERAPIST",
        "POST, /api/login/../sessions, THERAPIST",
        "GET, /console/../../api/sessions, VIEWER",
        "post, /api/sessions, THERAPIST",
        "GET, /api/adminx, VIEWER",
    })
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
