package io.upwell.launcher.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.upwell.engine.access.AccessNames;
import io.upwell.engine.access.Role;
import io.upwell.engine.access.UserAdministration;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Hashtable;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * SR-18 against the real HTTP runtime (Felix HTTP on Jetty 12, the Web Console) in Felix: what an
 * attacker without credentials, with wrong ones, with a viewer's or with a logged-out token gets on a
 * state-changing path; the first start; the Web Console's login; the loopback binding. The
 * state-changing path is a servlet this test registers on the {@code upwell} context, as the REST
 * bundle's will be, and {@code /api/admin/users}.
 * <p>
 * One framework for the class; the methods run in name order, because the first start can only be
 * tested while no user exists ({@code a_}) and the lock-out locks this client's address ({@code z_}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class AccessIT {

    private static final String CONTROL_PATH = "/api/itest/control";
    private static final String ADMIN_PASSWORD = "ana's password";
    private static final String THERAPIST_PASSWORD = "tom's password";
    private static final String VIEWER_PASSWORD = "vic's password";

    @Inject
    private BundleContext context;

    private ServiceRegistration<Servlet> control;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Configuration
    public Option[] configuration() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return UpwellFramework.options(free.getLocalPort());
        }
    }

    /** A state-changing endpoint on the upwell context: answers who called, as the REST servlets will read it. */
    static final class ControlServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write(request.getMethod() + " by " + request.getRemoteUser() + " as "
                    + request.getAttribute(AccessNames.ROLE_ATTRIBUTE) + " (" + request.getAuthType() + ")");
        }
    }

    @Before
    public void registerTheControlServletAndAwaitTheServer() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", CONTROL_PATH);
        properties.put("osgi.http.whiteboard.context.select", AccessNames.CONTEXT_SELECT);
        control = context.registerService(Servlet.class, new ControlServlet(), properties);
        Await.value("the control servlet behind the upwell context (401 without credentials)",
                () -> send(request(CONTROL_PATH).POST(HttpRequest.BodyPublishers.noBody())).statusCode(),
                status -> status == 401);
    }

    @After
    public void unregister() {
        control.unregister();
    }

    // ------------------------------------------------------------------ first start

    @Test
    public void a_firstStartNeedsTheOneTimeCodeAndThereIsNoDefaultAccount_SR18() throws Exception {
        assertTrue(json(send(request("/api/setup").GET())).get("setupNeeded").getAsBoolean());
        assertEquals(401, send(request(CONTROL_PATH).header("Authorization", basic("admin", "admin"))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode());
        HttpResponse<String> wrong = send(jsonPost("/api/setup",
                "{\"code\":\"AAAA-AAAA-AAAA\",\"user\":\"ana\",\"password\":\"" + ADMIN_PASSWORD + "\"}"));
        assertProblem(wrong, 403);
        String code = users().setupCode().orElseThrow(() -> new AssertionError("no setup code while no user exists"));
        HttpResponse<String> setup = send(jsonPost("/api/setup",
                "{\"code\":\"" + code + "\",\"user\":\"ana\",\"password\":\"" + ADMIN_PASSWORD + "\"}"));
        assertEquals(setup.body(), 201, setup.statusCode());
        assertEquals("admin", json(setup).get("role").getAsString());
        assertFalse(json(send(request("/api/setup").GET())).get("setupNeeded").getAsBoolean());
        assertProblem(send(jsonPost("/api/setup",
                "{\"code\":\"" + code + "\",\"user\":\"eve\",\"password\":\"eve's password!\"}")), 409);
    }

    // ------------------------------------------------------------------ who may change something

    @Test
    public void b_noCredentialsWrongOnesAndAViewersAreRefusedWithProblemDocuments_SR18() throws Exception {
        ensureUsers();
        assertProblem(send(request(CONTROL_PATH).POST(HttpRequest.BodyPublishers.noBody())), 401);
        assertProblem(send(request(CONTROL_PATH).header("Authorization", basic("tom", "not tom's password"))
                .POST(HttpRequest.BodyPublishers.noBody())), 401);
        assertProblem(send(request(CONTROL_PATH).header("Authorization", "Bearer not-a-token")
                .POST(HttpRequest.BodyPublishers.noBody())), 401);
        String viewer = login("vic", VIEWER_PASSWORD);
        assertProblem(send(request(CONTROL_PATH).header("Authorization", "Bearer " + viewer)
                .POST(HttpRequest.BodyPublishers.noBody())), 403);
        assertEquals(200, send(request(CONTROL_PATH).header("Authorization", "Bearer " + viewer).GET()).statusCode());
    }

    @Test
    public void c_aTherapistMayChangeAndTheServletKnowsWhoItWas_SR18() throws Exception {
        ensureUsers();
        HttpResponse<String> bearer = send(request(CONTROL_PATH)
                .header("Authorization", "Bearer " + login("tom", THERAPIST_PASSWORD))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, bearer.statusCode());
        assertEquals("POST by tom as therapist (BEARER)", bearer.body());
        HttpResponse<String> basic = send(request(CONTROL_PATH).header("Authorization", basic("tom", THERAPIST_PASSWORD))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals("POST by tom as therapist (BASIC)", basic.body());
    }

    @Test
    public void d_aTokenReplayedAfterLogoutIsRefused_SR18() throws Exception {
        ensureUsers();
        String token = login("tom", THERAPIST_PASSWORD);
        assertEquals(200, send(request(CONTROL_PATH).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode());
        assertEquals(204, send(request("/api/logout").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode());
        assertProblem(send(request(CONTROL_PATH).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())), 401);
    }

    @Test
    public void e_theCookieWorksOnlyWithTheRequestHeaderForChanges_SR18() throws Exception {
        ensureUsers();
        HttpResponse<String> login = send(jsonPost("/api/login",
                "{\"user\":\"tom\",\"password\":\"" + THERAPIST_PASSWORD + "\"}"));
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie, setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"));
        String cookie = setCookie.split(";", 2)[0];
        assertProblem(send(request(CONTROL_PATH).header("Cookie", cookie).POST(HttpRequest.BodyPublishers.noBody())),
                403);
        assertEquals("POST by tom as therapist (COOKIE)", send(request(CONTROL_PATH).header("Cookie", cookie)
                .header(AccessNames.REQUEST_HEADER, "1").POST(HttpRequest.BodyPublishers.noBody())).body());
        assertEquals("tom", json(send(request("/api/me").header("Cookie", cookie).GET())).get("user").getAsString());
    }

    @Test
    public void f_onlyAnAdminAdministersUsers_SR18() throws Exception {
        ensureUsers();
        String body = "{\"user\":\"new-viewer\",\"role\":\"viewer\",\"password\":\"a long enough one\"}";
        assertProblem(send(jsonPost("/api/admin/users", body)), 401);
        assertProblem(send(jsonPost("/api/admin/users", body).header("Authorization", basic("tom", THERAPIST_PASSWORD))),
                403);
        HttpResponse<String> added = send(jsonPost("/api/admin/users", body)
                .header("Authorization", basic("ana", ADMIN_PASSWORD)));
        assertEquals(added.body(), 201, added.statusCode());
        assertEquals(204, send(request("/api/admin/users/new-viewer").header("Authorization", basic("ana", ADMIN_PASSWORD))
                .DELETE()).statusCode());
        assertProblem(send(request("/api/admin/users/ana").header("Authorization", basic("ana", ADMIN_PASSWORD))
                .DELETE()), 409);
    }

    @Test
    public void g_loginAndSetupBodiesOverTheLimitAreRefusedWith413_SR18() throws Exception {
        String huge = "{\"user\":\"" + "x".repeat(100_000) + "\",\"password\":\"y\"}";
        assertProblem(send(jsonPost("/api/login", huge)), 413);
        assertProblem(send(jsonPost("/api/setup", huge)), 413);
        assertProblem(send(request("/api/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=tom&password=x"))), 415);
    }

    // ------------------------------------------------------------------ the Web Console

    @Test
    public void h_theWebConsoleRefusesAdminAdminAndNonAdminsAndAdmitsAnAdmin_SR18() throws Exception {
        ensureUsers();
        Await.value("the Web Console behind Upwell's login", () -> send(request("/system/console/bundles").GET()).statusCode(),
                status -> status == 401);
        HttpResponse<String> anonymous = send(request("/system/console/bundles").GET());
        assertProblem(anonymous, 401);
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertProblem(send(request("/system/console/bundles").header("Authorization", basic("admin", "admin")).GET()),
                401);
        assertProblem(send(request("/system/console/bundles").header("Authorization", basic("tom", THERAPIST_PASSWORD))
                .GET()), 403);
        HttpResponse<String> admin = send(request("/system/console/bundles")
                .header("Authorization", basic("ana", ADMIN_PASSWORD)).GET());
        assertEquals(200, admin.statusCode());
        assertTrue(admin.body().contains("io.upwell.engine.access"));
    }

    // ------------------------------------------------------------------ where it listens

    @Test
    public void i_theServerListensOnTheLoopbackAddressOnly_SR18() throws Exception {
        int port = port();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        }
        // 127.0.0.2 is loopback too: a server bound to every address would accept it, one bound to 127.0.0.1 does not.
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.2", port), 2000);
            fail("a connection to 127.0.0.2:" + port + " was accepted: the server listens beyond 127.0.0.1");
        } catch (ConnectException expected) {
            // refused
        }
    }

    // ------------------------------------------------------------------ rate limiting (last: it locks this address out)

    @Test
    public void z_repeatedFailuresLockTheUserOutWith429AndAreCounted_SR18() throws Exception {
        ensureUsers();
        // A lock-out of a minute, so that the attempts below are inside it whatever this machine's load
        UserAdministration before = users();
        org.osgi.service.cm.ConfigurationAdmin configurations =
                UpwellServices.await(context, org.osgi.service.cm.ConfigurationAdmin.class, null);
        Hashtable<String, Object> settings = new Hashtable<>();
        settings.put("loginBackoffSeconds", 60);
        settings.put("loginBackoffCapSeconds", 60);
        configurations.getConfiguration("io.upwell.access", "?").update(settings);
        Await.until("the access component restarted with the configuration", () -> users() != before);
        Await.value("the upwell context back, with the control servlet behind it",
                () -> send(request(CONTROL_PATH).POST(HttpRequest.BodyPublishers.noBody())).statusCode(),
                status -> status == 401);
        String admin = login("ana", ADMIN_PASSWORD); // before this address is locked out; tokens are not throttled
        for (int i = 0; i < 5; i++) {
            assertProblem(send(jsonPost("/api/login", "{\"user\":\"vic\",\"password\":\"guess " + i + "\"}")), 401);
        }
        HttpResponse<String> locked = send(jsonPost("/api/login", "{\"user\":\"vic\",\"password\":\"" + VIEWER_PASSWORD + "\"}"));
        assertProblem(locked, 429);
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertTrue("Retry-After " + retryAfter, retryAfter >= 1 && retryAfter <= 60);
        assertProblem(send(request(CONTROL_PATH).header("Authorization", basic("tom", THERAPIST_PASSWORD))
                .POST(HttpRequest.BodyPublishers.noBody())), 429);
        JsonObject status = json(send(request("/api/admin/access").header("Authorization", "Bearer " + admin).GET()));
        assertEquals(status.toString(), 5, status.get("failedLogins").getAsLong());
        assertEquals(status.toString(), 2, status.get("refusedWhileLockedOut").getAsLong());
        assertTrue(status.toString(), status.get("lockedOut").toString().contains("user:vic"));
    }

    // ------------------------------------------------------------------ helpers

    private UserAdministration users() {
        return UpwellServices.await(context, UserAdministration.class, null);
    }

    /** The admin from the first start, a therapist and a viewer (made directly, when an earlier method has not). */
    private void ensureUsers() throws Exception {
        UserAdministration users = users();
        if (users.users().isEmpty()) {
            users.add("ana", Role.ADMIN, ADMIN_PASSWORD.toCharArray(), "AccessIT");
        }
        if (users.users().stream().noneMatch(user -> user.name().equals("tom"))) {
            users.add("tom", Role.THERAPIST, THERAPIST_PASSWORD.toCharArray(), "AccessIT");
            users.add("vic", Role.VIEWER, VIEWER_PASSWORD.toCharArray(), "AccessIT");
        }
    }

    private String login(String user, String password) throws Exception {
        HttpResponse<String> response = send(jsonPost("/api/login",
                "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}"));
        assertEquals(response.body(), 200, response.statusCode());
        JsonObject body = json(response);
        assertEquals(user, body.get("user").getAsString());
        assertNotNull(body.get("expires"));
        return body.get("token").getAsString();
    }

    private int port() {
        return Integer.parseInt(context.getProperty(UpwellFramework.HTTP_PORT));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).timeout(Duration.ofSeconds(20));
    }

    private HttpRequest.Builder jsonPost(String path, String body) {
        return request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    /** A problem document with {@code status}: its content type and the RFC 9457 fields, never HTML. */
    private static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals(response.body(), status, response.statusCode());
        assertEquals("application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonObject problem = json(response);
        assertEquals(status, problem.get("status").getAsInt());
        for (String field : new String[] {"type", "title", "detail"}) {
            assertFalse(field + " in " + problem, problem.get(field).getAsString().isEmpty());
        }
        assertFalse(response.body().contains("<html"));
        assertFalse(response.body().contains("Exception"));
    }
}
