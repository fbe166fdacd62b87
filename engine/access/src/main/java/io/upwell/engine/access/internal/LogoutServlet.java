package io.upwell.engine.access.internal;

import jakarta.servlet.Servlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code POST /api/logout}: ends the token the request came with and clears the cookie; 204. */
@Component(service = Servlet.class, property = {Whiteboard.SERVLET_PATTERN + "=/api/logout", Whiteboard.ON_UPWELL})
public final class LogoutServlet extends AccessServlet {
    private static final long serialVersionUID = 1L;

    @Activate
    public LogoutServlet(@Reference AccessComponent access) {
        on("POST", (request, response) -> {
            access.gatekeeper().logout(request);
            SessionCookies.clear(request, response);
            response.setHeader("Cache-Control", "no-store");
            response.setStatus(204);
        });
    }
}
