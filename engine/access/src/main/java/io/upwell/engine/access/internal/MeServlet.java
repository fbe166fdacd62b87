package io.upwell.engine.access.internal;

import com.google.gson.JsonObject;
import io.upwell.engine.access.AccessNames;
import jakarta.servlet.Servlet;
import org.osgi.service.component.annotations.Component;

/** {@code GET /api/me}: who the request is authenticated as, with which role and how. */
@Component(service = Servlet.class, property = {Whiteboard.SERVLET_PATTERN + "=/api/me", Whiteboard.ON_UPWELL})
public final class MeServlet extends AccessServlet {
    private static final long serialVersionUID = 1L;

    public MeServlet() {
        on("GET", (request, response) -> {
            JsonObject body = new JsonObject();
            body.addProperty("user", request.getRemoteUser());
            body.addProperty("role", String.valueOf(request.getAttribute(AccessNames.ROLE_ATTRIBUTE)));
            body.addProperty("authentication", request.getAuthType());
            Json.send(response, 200, body);
        });
    }
}
