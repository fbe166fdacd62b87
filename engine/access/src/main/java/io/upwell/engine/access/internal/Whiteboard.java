package io.upwell.engine.access.internal;

import io.upwell.engine.access.AccessNames;

/** The Servlet Whiteboard property names this bundle registers with. */
final class Whiteboard {

    static final String CONTEXT_NAME = "osgi.http.whiteboard.context.name";
    static final String CONTEXT_PATH = "osgi.http.whiteboard.context.path";
    static final String CONTEXT_SELECT = "osgi.http.whiteboard.context.select";
    static final String SERVLET_PATTERN = "osgi.http.whiteboard.servlet.pattern";
    /** Every servlet of this bundle is on the upwell context. */
    static final String ON_UPWELL = CONTEXT_SELECT + "=" + AccessNames.CONTEXT_SELECT;

    private Whiteboard() {
    }
}
