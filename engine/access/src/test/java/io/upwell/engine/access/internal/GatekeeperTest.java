package io.upwell.engine.access.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.upwell.engine.access.AccessNames;
import io.upwell.engine.access.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.servlet.context.ServletContextHelper;

/** The gatekeeper's decisions on requests, without a server (the same run against Jetty: AccessIT). */
@Tag("SR-18")
class GatekeeperTest {

    @TempDir
    Path directory;
    private final SteppingClock clock = SteppingClock.atEpochDay();
    private Gatekeeper gatekeeper;

    private AccessSettings settings(boolean anonymousViewer) {
        return new AccessSettings(anonymousViewer, Duration.ofMinutes(30), Duration.ofHours(12), 12,
                PasswordHasher.MINIMUM_ITERATIONS, new LoginThrottle.Settings(3, Duration.ofSeconds(1),
                        Duration.ofSeconds(60)), 1024, directory.resolve("users.json"));
    }

    @BeforeEach
    void setUp() throws Exception {
        gatekeeper = AccessComponent.create(settings(false), clock, new SecureRandom());
        gatekeeper.users().add("ana", Role.ADMIN, "ana's password".toCharArray());
        gatekeeper.users().add("tom", Role.THERAPIST, "tom's password".toCharArray());
        gatekeeper.users().add("vic", Role.VIEWER, "vic's password".toCharArray());
    }

    private String token(String user, String password) {
        Gatekeeper.Login login = gatekeeper.login(user, password.toCharArray(), "127.0.0.1");
        assertNull(login.problem(), () -> "login of " + user + ": " + login.problem());
        return login.issued().token();
    }

    private FakeExchange decide(FakeExchange exchange) throws Exception {
        boolean admitted = gatekeeper.handleSecurity(exchange.request(), exchange.response());
        assertEquals(exchange.status == 200, admitted, "admitted exactly when nothing was answered");
        return exchange;
    }

    private static JsonObject problem(FakeExchange exchange) {
        assertEquals(Problem.CONTENT_TYPE, exchange.contentType);
        JsonObject problem = JsonParser.parseString(exchange.body.toString()).getAsJsonObject();
        assertEquals(exchange.status, problem.get("status").getAsInt());
        assertTrue(problem.get("type").getAsString().startsWith("urn:upwell:problem:"));
        assertFalse(problem.get("title").getAsString().isEmpty());
        assertFalse(problem.get("detail").getAsString().isEmpty());
        return problem;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void publicPathsPassWithoutCredentials() throws Exception {
        assertEquals(200, decide(new FakeExchange("POST", "/api/login")).status);
        assertEquals(200, decide(new FakeExchange("GET", "/console/index.html")).status);
        assertEquals(200, decide(new FakeExchange("GET", "/api/setup")).status);
    }

    @Test
    void noCredentialsOnAControlPathIs401WithAProblemDocument() throws Exception {
        FakeExchange exchange = decide(new FakeExchange("POST", "/api/sessions"));
        assertEquals(401, exchange.status);
        assertEquals("Bearer realm=\"Upwell\"", exchange.responseHeader("WWW-Authenticate"));
        problem(exchange);
    }

    @Test
    void aTherapistsTokenMayControlAndTheRequestNamesThem() throws Exception {
        FakeExchange exchange = decide(new FakeExchange("POST", "/api/sessions")
                .header("Authorization", "Bearer " + token("tom", "tom's password")));
        assertEquals(200, exchange.status);
        assertEquals("tom", exchange.attributes.get(ServletContextHelper.REMOTE_USER));
        assertEquals("BEARER", exchange.attributes.get(ServletContextHelper.AUTHENTICATION_TYPE));
        assertEquals("therapist", exchange.attributes.get(AccessNames.ROLE_ATTRIBUTE));
    }

    @Test
    void aViewerMayReadButNotControl() throws Exception {
        String token = token("vic", "vic's password");
        assertEquals(200, decide(new FakeExchange("GET", "/api/sessions").header("Authorization", "Bearer " + token))
                .status);
        FakeExchange control = decide(new FakeExchange("POST", "/api/sessions/1/stop")
                .header("Authorization", "Bearer " + token));
        assertEquals(403, control.status);
        assertTrue(problem(control).get("detail").getAsString().contains("role viewer may not POST"));
    }

    @Test
    void onlyAnAdminReachesAdministration() throws Exception {
        assertEquals(403, decide(new FakeExchange("GET", "/api/admin/users")
                .header("Authorization", "Bearer " + token("tom", "tom's password"))).status);
        assertEquals(200, decide(new FakeExchange("GET", "/api/admin/users")
                .header("Authorization", "Bearer " + token("ana", "ana's password"))).status);
    }

    @Test
    void aTokenReplayedAfterLogoutIs401() throws Exception {
        String token = token("tom", "tom's password");
        FakeExchange logout = new FakeExchange("POST", "/api/logout").header("Authorization", "Bearer " + token);
        assertTrue(gatekeeper.logout(logout.request()));
        FakeExchange replay = decide(new FakeExchange("POST", "/api/sessions").header("Authorization", "Bearer " + token));
        assertEquals(401, replay.status);
        assertTrue(problem(replay).get("detail").getAsString().contains("unknown, expired or logged out"));
    }

    @Test
    void aRefusedRequestWithABodyClosesTheConnectionAndOneWithoutKeepsIt() throws Exception {
        FakeExchange withBody = new FakeExchange("POST", "/api/sessions");
        withBody.contentLength = 120;
        assertEquals(401, decide(withBody).status);
        assertEquals("close", withBody.responseHeader("Connection"), "its body is never read: the connection goes");
        FakeExchange chunked = decide(new FakeExchange("POST", "/api/sessions").header("Transfer-Encoding", "chunked"));
        assertEquals("close", chunked.responseHeader("Connection"));
        FakeExchange bodiless = decide(new FakeExchange("POST", "/api/emergency-stop"));
        assertEquals(401, bodiless.status);
        assertNull(bodiless.responseHeader("Connection"), "nothing unread: the connection may be kept");
    }

    @Test
    void aRemovedUsersTokenEnds() throws Exception {
        String token = token("tom", "tom's password");
        gatekeeper.users().remove("tom");
        FakeExchange exchange = decide(new FakeExchange("GET", "/api/sessions").header("Authorization", "Bearer " + token));
        assertEquals(401, exchange.status);
        assertTrue(problem(exchange).get("detail").getAsString().contains("was changed or removed"));
    }

    @Test
    void aCookieChangeNeedsTheRequestHeaderAndADeadCookieIsCleared() throws Exception {
        String token = token("tom", "tom's password");
        FakeExchange without = decide(new FakeExchange("POST", "/api/sessions").cookie(AccessNames.SESSION_COOKIE, token));
        assertEquals(403, without.status);
        assertTrue(problem(without).get("detail").getAsString().contains("X-Upwell-Request: 1"));
        assertEquals(200, decide(new FakeExchange("POST", "/api/sessions").cookie(AccessNames.SESSION_COOKIE, token)
                .header(AccessNames.REQUEST_HEADER, "1")).status);
        assertEquals(200, decide(new FakeExchange("GET", "/api/sessions").cookie(AccessNames.SESSION_COOKIE, token))
                .status, "a read needs no header");
        FakeExchange dead = decide(new FakeExchange("GET", "/api/sessions").cookie(AccessNames.SESSION_COOKIE, "stale"));
        assertEquals(401, dead.status);
        assertTrue(dead.responseHeader("Set-Cookie").startsWith("upwell-session=; Path=/; Max-Age=0"));
    }

    @Test
    void aCrossSiteChangeIsRefusedEvenWithTheHeader() throws Exception {
        String token = token("tom", "tom's password");
        FakeExchange crossSite = decide(new FakeExchange("POST", "/api/sessions").cookie(AccessNames.SESSION_COOKIE, token)
                .header(AccessNames.REQUEST_HEADER, "1").header("Sec-Fetch-Site", "cross-site"));
        assertEquals(403, crossSite.status);
        FakeExchange otherOrigin = decide(new FakeExchange("POST", "/api/sessions")
                .header("Authorization", basic("tom", "tom's password")).header("Host", "127.0.0.1:8080")
                .header("Origin", "http://evil.example"));
        assertEquals(403, otherOrigin.status);
        assertEquals(200, decide(new FakeExchange("POST", "/api/sessions")
                .header("Authorization", basic("tom", "tom's password")).header("Host", "127.0.0.1:8080")
                .header("Origin", "http://127.0.0.1:8080")).status);
    }

    @Test
    void basicCredentialsAuthenticateAndWrongOnesCountAsFailures() throws Exception {
        FakeExchange ok = decide(new FakeExchange("POST", "/api/sessions").header("Authorization", basic("tom", "tom's password")));
        assertEquals(200, ok.status);
        assertEquals("BASIC", ok.attributes.get(ServletContextHelper.AUTHENTICATION_TYPE));
        for (int i = 0; i < 3; i++) {
            assertEquals(401, decide(new FakeExchange("POST", "/api/sessions")
                    .header("Authorization", basic("tom", "guess " + i))).status);
        }
        FakeExchange locked = decide(new FakeExchange("POST", "/api/sessions")
                .header("Authorization", basic("tom", "tom's password")));
        assertEquals(429, locked.status, "locked out: even the right password is not looked at");
        assertEquals("1", locked.responseHeader("Retry-After"));
        problem(locked);
        assertEquals(3, gatekeeper.throttleStatus().failures());
    }

    @Test
    void aWrongPasswordLoginIsRefusedAndLockedOutAfterTheFreeFailures() {
        for (int i = 0; i < 3; i++) {
            assertEquals(401, gatekeeper.login("ana", "wrong".toCharArray(), "10.1.1.1").problem().status());
        }
        Gatekeeper.Login locked = gatekeeper.login("ana", "ana's password".toCharArray(), "10.1.1.1");
        assertEquals(429, locked.problem().status());
        clock.advance(Duration.ofSeconds(1));
        assertNotNull(gatekeeper.login("ana", "ana's password".toCharArray(), "10.1.1.1").issued());
    }

    @Test
    void openReadingLetsAnonymousReadersReadOnlyWhenConfigured() throws Exception {
        assertEquals(401, decide(new FakeExchange("GET", "/api/sessions")).status, "off by default");
        gatekeeper.reconfigure(settings(true));
        FakeExchange read = decide(new FakeExchange("GET", "/api/sessions"));
        assertEquals(200, read.status);
        assertEquals(AccessNames.ANONYMOUS_USER, read.attributes.get(ServletContextHelper.REMOTE_USER));
        assertEquals("viewer", read.attributes.get(AccessNames.ROLE_ATTRIBUTE));
        assertEquals(401, decide(new FakeExchange("POST", "/api/sessions")).status);
        assertEquals(401, decide(new FakeExchange("GET", "/api/admin/users")).status);
        assertEquals(401, decide(new FakeExchange("GET", "/api/sessions").header("Authorization", "Bearer made-up")).status,
                "wrong credentials are not read as none");
    }

    @Test
    void theWebConsoleAdmitsAnAdminOnlyAndChallengesForBasic() throws Exception {
        FakeExchange none = new FakeExchange("GET", "/system/console/bundles");
        assertNull(gatekeeper.webConsole(none.request(), none.response()));
        assertEquals(401, none.status);
        assertEquals("Basic realm=\"Upwell\", charset=\"UTF-8\"", none.responseHeader("WWW-Authenticate"));
        FakeExchange defaultLogin = new FakeExchange("GET", "/system/console/bundles")
                .header("Authorization", basic("admin", "admin"));
        assertNull(gatekeeper.webConsole(defaultLogin.request(), defaultLogin.response()));
        assertEquals(401, defaultLogin.status);
        FakeExchange therapist = new FakeExchange("GET", "/system/console/bundles")
                .header("Authorization", basic("tom", "tom's password"));
        assertNull(gatekeeper.webConsole(therapist.request(), therapist.response()));
        assertEquals(403, therapist.status);
        FakeExchange admin = new FakeExchange("GET", "/system/console/bundles")
                .header("Authorization", basic("ana", "ana's password"));
        assertEquals("ana", gatekeeper.webConsole(admin.request(), admin.response()).user());
    }

    @Test
    void unreadableCredentialsAreNamed() throws Exception {
        FakeExchange digest = decide(new FakeExchange("GET", "/api/sessions").header("Authorization", "Digest x"));
        assertEquals(401, digest.status);
        assertTrue(problem(digest).get("detail").getAsString().contains("Bearer or Basic"));
        FakeExchange garbage = decide(new FakeExchange("GET", "/api/sessions").header("Authorization", "Basic %%%"));
        assertTrue(problem(garbage).get("detail").getAsString().contains("not Base64"));
    }
}
