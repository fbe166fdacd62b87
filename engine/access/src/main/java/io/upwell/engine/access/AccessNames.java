package io.upwell.engine.access;

/**
 * The names the access layer and the bundles behind it share: the servlet context, the request
 * attributes it sets, the session cookie and the header that proves a cookie-authenticated request
 * was sent by the console's own script.
 */
public final class AccessNames {

    /** Name of the Servlet Whiteboard context (path {@code /}) whose every request is authenticated. */
    public static final String CONTEXT_NAME = "upwell";

    /** The whiteboard property value that selects the context: {@code osgi.http.whiteboard.context.select}. */
    public static final String CONTEXT_SELECT = "(osgi.http.whiteboard.context.name=" + CONTEXT_NAME + ")";

    /** Request attribute: the caller's role, in lower case ({@code viewer}, {@code therapist} or {@code admin}). */
    public static final String ROLE_ATTRIBUTE = "io.upwell.access.role";

    /** The cookie that carries a browser's login token. */
    public static final String SESSION_COOKIE = "upwell-session";

    /** Header every cookie-authenticated request that changes something must carry, with the value {@code 1}. */
    public static final String REQUEST_HEADER = "X-Upwell-Request";

    /** The user name given to unauthenticated readers when open reading is configured. */
    public static final String ANONYMOUS_USER = "anonymous";

    private AccessNames() {
    }
}
