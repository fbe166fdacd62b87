package io.upwell.engine.rest.internal;

/** The Servlet Whiteboard context this bundle's servlets use, and its configuration's PID. */
final class RestNames {

    /** The access bundle's context: every request is authenticated before a servlet of this bundle sees it. */
    static final String CONTEXT_NAME = "upwell";
    static final String CONTEXT_SELECT = "(osgi.http.whiteboard.context.name=" + CONTEXT_NAME + ")";
    /** Configuration Admin PID of the stream's limits. */
    static final String CONFIGURATION_PID = "io.upwell.engine.rest";

    private RestNames() {
    }
}
