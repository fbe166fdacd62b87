package io.upwell.engine.access.internal;

import com.google.gson.JsonObject;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /api/login {"user":..,"password":..}}: 200 with the token (also set as the session
 * cookie), 401 for a wrong user or password, 429 while locked out (the password is then not looked at).
 */
@Component(service = Servlet.class, property = {Whiteboard.SERVLET_PATTERN + "=/api/login", Whiteboard.ON_UPWELL})
public final class LoginServlet extends AccessServlet {
    private static final long serialVersionUID = 1L;

    @Activate
    public LoginServlet(@Reference AccessComponent access) {
        on("POST", (request, response) -> {
            Gatekeeper gatekeeper = access.gatekeeper();
            JsonObject body = Json.object(request, gatekeeper.settings().requestBodyLimit());
            String user = Json.text(body, "user");
            char[] password = Json.text(body, "password").toCharArray();
            Gatekeeper.Login login;
            try {
                login = gatekeeper.login(user, password, request.getRemoteAddr());
            } finally {
                Arrays.fill(password, '\0');
            }
            answer(request, response, login, 200);
        });
    }

    /** The login's token as JSON and cookie with {@code status}, or its problem. */
    static void answer(HttpServletRequest request, HttpServletResponse response, Gatekeeper.Login login, int status)
            throws IOException {
        if (login.problem() != null) {
            if (login.problem().status() == 401) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"Upwell\"");
            }
            login.problem().send(response);
            return;
        }
        TokenSessions.Issued issued = login.issued();
        SessionCookies.set(request, response, issued.token(), issued.expires(), Clock.systemUTC().instant());
        JsonObject body = new JsonObject();
        body.addProperty("user", issued.user());
        body.addProperty("role", issued.role().id());
        body.addProperty("token", issued.token());
        body.addProperty("expires", issued.expires().toString());
        Json.send(response, status, body);
    }
}
