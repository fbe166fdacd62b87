package io.upwell.engine.access.internal;

import io.upwell.engine.access.AccessException;
import io.upwell.engine.access.AccessNames;
import io.upwell.engine.access.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides every request of the {@value AccessNames#CONTEXT_NAME} context and of the Web Console:
 * who sends it (token, cookie or Basic; {@link Credentials}), whether that role may make it
 * ({@link AccessPolicy}), and whether a browser sent it on purpose (the {@value AccessNames#REQUEST_HEADER}
 * header on cookie-authenticated changes; no cross-site {@code Origin} or {@code Sec-Fetch-Site} on
 * any change). Also logs users in and out, and keeps the count of failures ({@link LoginThrottle}).
 */
final class Gatekeeper {

    private static final Logger LOG = LoggerFactory.getLogger(Gatekeeper.class);

    /** {@code HttpServletRequest.getAuthType()} of a token given as {@code Authorization: Bearer}. */
    static final String BEARER_AUTH = "BEARER";
    /** ... of a token from the session cookie. */
    static final String COOKIE_AUTH = "COOKIE";
    /** ... of {@code Authorization: Basic}. */
    static final String BASIC_AUTH = HttpServletRequest.BASIC_AUTH;
    /** ... of an unauthenticated reader, when open reading is configured. */
    static final String NO_AUTH = "NONE";

    /** A Basic login remembered this long at most after its last use (besides the idle timeout). */
    private static final int BASIC_CACHE_SIZE = 1_000;

    private final UserDirectory users;
    private final TokenSessions sessions;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final SetupCode setupCode;
    private final byte[] basicPepper = new byte[32];
    private final Map<String, RememberedBasic> basicLogins = new HashMap<>();
    private volatile AccessSettings settings;

    Gatekeeper(AccessSettings settings, UserDirectory users, TokenSessions sessions, LoginThrottle throttle,
            Clock clock, SecureRandom random) {
        this.settings = settings;
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.clock = clock;
        this.setupCode = new SetupCode(random);
        random.nextBytes(basicPepper);
    }

    /** New limits; logins and counts are kept. */
    void reconfigure(AccessSettings newSettings) {
        this.settings = newSettings;
        sessions.limits(newSettings.sessionIdle(), newSettings.sessionLifetime());
        throttle.settings(newSettings.throttle());
        synchronized (basicLogins) {
            basicLogins.clear();
        }
    }

    AccessSettings settings() {
        return settings;
    }

    UserDirectory users() {
        return users;
    }

    // ------------------------------------------------------------------ who sends a request

    /** Who sent a request, with the role they have, and how they proved it. */
    record Identity(String user, Role role, String authType, String token) {
        boolean viaCookie() {
            return COOKIE_AUTH.equals(authType);
        }

        /** A browser may attach these on its own (cookie, remembered Basic): changes need proof of intent. */
        boolean sentByBrowserOnItsOwn() {
            return viaCookie() || BASIC_AUTH.equals(authType);
        }
    }

    /** Either an identity or the problem to answer; {@code clearCookie} when the cookie presented is dead. */
    record Outcome(Identity identity, Problem problem, boolean clearCookie) {
        static Outcome of(Identity identity) {
            return new Outcome(identity, null, false);
        }

        static Outcome refused(Problem problem) {
            return new Outcome(null, problem, false);
        }
    }

    /**
     * The {@code handleSecurity} of the {@value AccessNames#CONTEXT_NAME} context: true lets the request
     * through with {@code REMOTE_USER}, {@code AUTHENTICATION_TYPE} and {@value AccessNames#ROLE_ATTRIBUTE}
     * set; false when the response has been written (401, 403, 429 or 503 as a problem document).
     */
    boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        String path = pathOf(request);
        AccessPolicy.Requirement requirement = AccessPolicy.requirement(method, path);
        if (requirement == AccessPolicy.Requirement.PUBLIC) {
            return true;
        }
        Outcome outcome;
        try {
            outcome = identify(request, requirement == AccessPolicy.Requirement.VIEWER);
        } catch (UsersFileException e) {
            return unavailable(response, e);
        }
        if (outcome.problem() != null) {
            refuse(request, response, outcome, false);
            return false;
        }
        Identity identity = outcome.identity();
        Optional<Problem> refusal = authorise(identity, requirement, request, true);
        if (refusal.isPresent()) {
            refusal.get().send(response);
            return false;
        }
        request.setAttribute(ServletContextHelper.REMOTE_USER, identity.user());
        request.setAttribute(ServletContextHelper.AUTHENTICATION_TYPE, identity.authType());
        request.setAttribute(AccessNames.ROLE_ATTRIBUTE, identity.role().id());
        return true;
    }

    /**
     * The Web Console's login: an administrator's identity, or null with the response written (401
     * with a Basic challenge so that a browser asks, 403 for another role or a cross-site change).
     */
    Identity webConsole(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Outcome outcome;
        try {
            outcome = identify(request, false);
        } catch (UsersFileException e) {
            unavailable(response, e);
            return null;
        }
        if (outcome.problem() != null) {
            refuse(request, response, outcome, true);
            return null;
        }
        Optional<Problem> refusal = authorise(outcome.identity(), AccessPolicy.Requirement.ADMIN, request, false);
        if (refusal.isPresent()) {
            refusal.get().send(response);
            return null;
        }
        return outcome.identity();
    }

    /**
     * Who sent {@code request}.
     *
     * @param anonymousReadAllowed whether a request without credentials may read as viewer (when configured)
     */
    Outcome identify(HttpServletRequest request, boolean anonymousReadAllowed) {
        Credentials credentials = Credentials.of(request);
        if (credentials instanceof Credentials.None) {
            if (anonymousReadAllowed && settings.anonymousViewer()) {
                return Outcome.of(new Identity(AccessNames.ANONYMOUS_USER, Role.VIEWER, NO_AUTH, null));
            }
            return Outcome.refused(Problem.unauthenticated("log in first (POST /api/login), then send the token as"
                    + " Authorization: Bearer, or send Authorization: Basic"));
        }
        if (credentials instanceof Credentials.Unreadable unreadable) {
            return Outcome.refused(Problem.unauthenticated(unreadable.why()));
        }
        if (credentials instanceof Credentials.Bearer bearer) {
            return fromToken(bearer.token(), BEARER_AUTH);
        }
        if (credentials instanceof Credentials.SessionCookie cookie) {
            Outcome outcome = fromToken(cookie.token(), COOKIE_AUTH);
            return outcome.problem() == null ? outcome : new Outcome(null, outcome.problem(), true);
        }
        Credentials.Basic basic = (Credentials.Basic) credentials;
        try {
            return fromBasic(basic.user(), basic.password(), request.getRemoteAddr());
        } finally {
            Arrays.fill(basic.password(), '\0');
        }
    }

    private Outcome fromToken(String token, String authType) {
        Optional<TokenSessions.Session> found = sessions.find(token);
        if (found.isEmpty()) {
            return Outcome.refused(Problem.unauthenticated("the token is unknown, expired or logged out; log in again"));
        }
        TokenSessions.Session session = found.get();
        Optional<StoredUser> user = users.find(session.user);
        if (user.isEmpty() || !user.get().passwordHash().equals(session.credential) || user.get().role() != session.role) {
            sessions.end(token);
            return Outcome.refused(Problem.unauthenticated("the login ended: user '" + session.user
                    + "' was changed or removed; log in again"));
        }
        return Outcome.of(new Identity(session.user, session.role, authType, token));
    }

    private Outcome fromBasic(String name, char[] password, String address) {
        Optional<Duration> locked = throttle.lockedOut(name, address);
        if (locked.isPresent()) {
            return Outcome.refused(Problem.tooManyAttempts(locked.get()));
        }
        String rememberedKey = basicKey(name, password);
        Optional<StoredUser> user = remembered(rememberedKey);
        if (user.isEmpty()) {
            user = users.verify(name, password);
            if (user.isEmpty()) {
                throttle.failed(name, address);
                LOG.warn("Basic login failed for user '{}' from {}", name, address);
                return Outcome.refused(Problem.unauthenticated("user name or password is wrong"));
            }
            remember(rememberedKey, user.get());
            throttle.succeeded(name);
            LOG.info("Basic login of user '{}' ({}) from {}", name, user.get().role().id(), address);
        }
        return Outcome.of(new Identity(user.get().name(), user.get().role(), BASIC_AUTH, null));
    }

    /**
     * Whether {@code identity} may make {@code request}: its role, then, for a change a browser could
     * have sent on its own, that it was not sent cross-site and, with the cookie, that it carries the
     * {@value AccessNames#REQUEST_HEADER} header (when {@code requireHeader}).
     */
    Optional<Problem> authorise(Identity identity, AccessPolicy.Requirement requirement, HttpServletRequest request,
            boolean requireHeader) {
        if (!requirement.admits(identity.role())) {
            return Optional.of(Problem.forbidden("role " + identity.role().id() + " may not " + request.getMethod()
                    + " " + pathOf(request) + "; it needs role " + requirement.least().id()
                    + (requirement.least() == Role.ADMIN ? "" : " or above")));
        }
        if (AccessPolicy.changes(request.getMethod()) && identity.sentByBrowserOnItsOwn()) {
            Optional<String> crossSite = crossSite(request);
            if (crossSite.isPresent()) {
                return Optional.of(Problem.forbidden(crossSite.get()));
            }
            if (requireHeader && identity.viaCookie()
                    && !"1".equals(request.getHeader(AccessNames.REQUEST_HEADER))) {
                return Optional.of(Problem.forbidden("a request authenticated by the session cookie that changes"
                        + " something must carry the header " + AccessNames.REQUEST_HEADER + ": 1"));
            }
        }
        return Optional.empty();
    }

    /** Why the request reads as sent from another site; empty when it does not. */
    static Optional<String> crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            String site = fetchSite.trim().toLowerCase(Locale.ROOT);
            if (!site.equals("same-origin") && !site.equals("none")) {
                return Optional.of("a " + site + " request may not change anything here (Sec-Fetch-Site)");
            }
        }
        String origin = request.getHeader("Origin");
        if (origin != null) {
            String host = request.getHeader("Host");
            String originAuthority;
            try {
                originAuthority = origin.equals("null") ? null : new URI(origin).getRawAuthority();
            } catch (URISyntaxException e) {
                originAuthority = null;
            }
            if (originAuthority == null || host == null || !originAuthority.equalsIgnoreCase(host.trim())) {
                return Optional.of("a request from origin " + origin + " may not change anything here");
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ login, logout, setup

    /** A login: the token issued, or the problem to answer. */
    record Login(TokenSessions.Issued issued, Problem problem) {
    }

    Login login(String name, char[] password, String address) {
        Optional<Duration> locked = throttle.lockedOut(name, address);
        if (locked.isPresent()) {
            LOG.info("login of user '{}' from {} refused unchecked: locked out for {}", name, address, locked.get());
            return new Login(null, Problem.tooManyAttempts(locked.get()));
        }
        Optional<StoredUser> user = users.verify(name, password);
        if (user.isEmpty()) {
            throttle.failed(name, address);
            LOG.warn("login failed for user '{}' from {}", name, address);
            return new Login(null, Problem.unauthenticated("user name or password is wrong"));
        }
        throttle.succeeded(name);
        StoredUser known = user.get();
        LOG.info("login of user '{}' ({}) from {}", known.name(), known.role().id(), address);
        return new Login(sessions.issue(known.name(), known.role(), known.passwordHash()), null);
    }

    /** Ends the token the request was authenticated with, if any; whether one ended. */
    boolean logout(HttpServletRequest request) {
        Credentials credentials = Credentials.of(request);
        String token = credentials instanceof Credentials.Bearer bearer ? bearer.token()
                : credentials instanceof Credentials.SessionCookie cookie ? cookie.token() : null;
        Object user = request.getAttribute(ServletContextHelper.REMOTE_USER);
        boolean ended = sessions.end(token);
        if (ended) {
            LOG.info("logout of user '{}' from {}", user, request.getRemoteAddr());
        }
        return ended;
    }

    /** Whether no user exists yet, so that the first administrator may be created with the setup code. */
    boolean setupNeeded() {
        return users.isEmpty();
    }

    /** The setup code while no user exists (made once per process, logged when made). */
    Optional<String> setupCode() {
        if (!setupNeeded()) {
            setupCode.forget();
            return Optional.empty();
        }
        return Optional.of(setupCode.current(code -> LOG.info("No user exists yet. First-start setup code: {}"
                + " (create the first admin with it at /console/ or POST /api/setup; or run"
                + " 'java -jar upwell.jar users add NAME --role admin')", code)));
    }

    /** Creates the first administrator when {@code code} is the setup code and no user exists. */
    Login setup(String code, String name, char[] password, String address) {
        Optional<Duration> locked = throttle.lockedOut(null, address);
        if (locked.isPresent()) {
            return new Login(null, Problem.tooManyAttempts(locked.get()));
        }
        Optional<String> expected = setupCode();
        if (expected.isEmpty()) {
            return new Login(null, Problem.of(409, "setup-done", "Setup is done",
                    "users exist already; log in, or ask an admin to add you"));
        }
        if (!SetupCode.matches(expected.get(), code)) {
            throttle.failed(null, address);
            LOG.warn("first-start setup from {} refused: wrong setup code", address);
            return new Login(null, Problem.forbidden("the setup code is wrong; it is in the engine's console and log"));
        }
        StoredUser admin;
        try {
            admin = users.addFirstAdmin(name, password);
        } catch (AccessException e) {
            int status = setupNeeded() ? 400 : 409;
            return new Login(null, Problem.of(status, status == 400 ? "bad-request" : "setup-done",
                    status == 400 ? "Bad request" : "Setup is done", e.getMessage()));
        }
        setupCode.forget();
        LOG.info("first-start setup from {}: admin '{}' created", address, admin.name());
        return new Login(sessions.issue(admin.name(), admin.role(), admin.passwordHash()), null);
    }

    // ------------------------------------------------------------------ administration

    /** Ends the logins of users who were changed or removed (here or by another process). */
    int endStaleLogins() {
        Map<String, StoredUser> byName = new HashMap<>();
        users.users().forEach(user -> byName.put(user.name(), user));
        synchronized (basicLogins) {
            basicLogins.clear();
        }
        return sessions.endWhere(session -> {
            StoredUser user = byName.get(session.user);
            return user == null || !user.passwordHash().equals(session.credential) || user.role() != session.role;
        });
    }

    TokenSessions sessions() {
        return sessions;
    }

    LoginThrottle.Status throttleStatus() {
        return throttle.status();
    }

    // ------------------------------------------------------------------ helpers

    /** The request's path inside the context: servlet path and path info, as the servlet was matched. */
    static String pathOf(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Outcome outcome,
            boolean challengeBasic) throws IOException {
        if (outcome.clearCookie()) {
            SessionCookies.clear(request, response);
        }
        if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            // The body of a refused request is never read, so the server cannot reuse the connection: say so,
            // or a client that keeps connections alive sends its next request into one the server has closed.
            response.setHeader("Connection", "close");
        }
        if (outcome.problem().status() == 401) {
            response.setHeader("WWW-Authenticate", challengeBasic ? "Basic realm=\"Upwell\", charset=\"UTF-8\""
                    : "Bearer realm=\"Upwell\"");
        }
        outcome.problem().send(response);
    }

    private static boolean unavailable(HttpServletResponse response, UsersFileException e) throws IOException {
        LOG.error("{}", e.getMessage());
        Problem.of(503, "users-unavailable", "Users unavailable",
                "the users cannot be read; the engine's log says why").send(response);
        return false;
    }

    private String basicKey(String name, char[] password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(basicPepper);
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            java.nio.ByteBuffer bytes = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
            digest.update(bytes.duplicate());
            while (bytes.hasRemaining()) {
                bytes.put((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** A Basic login checked recently: valid while its user is unchanged and it was used within the idle time. */
    private Optional<StoredUser> remembered(String key) {
        RememberedBasic entry;
        synchronized (basicLogins) {
            entry = basicLogins.get(key);
        }
        if (entry == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<StoredUser> user = users.find(entry.user);
        if (user.isEmpty() || !user.get().passwordHash().equals(entry.credential)
                || !now.isBefore(entry.lastUsed.plus(settings.sessionIdle()))) {
            synchronized (basicLogins) {
                basicLogins.remove(key);
            }
            return Optional.empty();
        }
        entry.lastUsed = now;
        return user;
    }

    private void remember(String key, StoredUser user) {
        synchronized (basicLogins) {
            if (basicLogins.size() >= BASIC_CACHE_SIZE) {
                basicLogins.clear();
            }
            basicLogins.put(key, new RememberedBasic(user.name(), user.passwordHash(), clock.instant()));
        }
    }

    private static final class RememberedBasic {
        final String user;
        final String credential;
        volatile Instant lastUsed;

        RememberedBasic(String user, String credential, Instant lastUsed) {
            this.user = user;
            this.credential = credential;
            this.lastUsed = lastUsed;
        }
    }
}
