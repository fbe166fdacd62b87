package io.upwell.engine.access.internal;

import com.google.gson.JsonObject;
import jakarta.servlet.Servlet;
import java.util.Arrays;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * First start: {@code GET /api/setup} says whether setup is needed (no user exists);
 * {@code POST /api/setup {"code":..,"user":..,"password":..}} creates the first admin with the
 * one-time code from the engine's console and log, and logs them in (201, as a login answers).
 */
@Component(service = Servlet.class, property = {Whiteboard.SERVLET_PATTERN + "=/api/setup", Whiteboard.ON_UPWELL})
public final class SetupServlet extends AccessServlet {
    private static final long serialVersionUID = 1L;

    @Activate
    public SetupServlet(@Reference AccessComponent access) {
        on("GET", (request, response) -> {
            JsonObject body = new JsonObject();
            body.addProperty("setupNeeded", access.gatekeeper().setupNeeded());
            body.addProperty("passwordMinimumLength", access.minimumPasswordLength());
            Json.send(response, 200, body);
        });
        on("POST", (request, response) -> {
            Gatekeeper gatekeeper = access.gatekeeper();
            JsonObject body = Json.object(request, gatekeeper.settings().requestBodyLimit());
            String code = Json.text(body, "code");
            String user = Json.text(body, "user");
            char[] password = Json.text(body, "password").toCharArray();
            Gatekeeper.Login login;
            try {
                login = gatekeeper.setup(code, user, password, request.getRemoteAddr());
            } finally {
                Arrays.fill(password, '\0');
            }
            LoginServlet.answer(request, response, login, 201);
        });
    }
}
