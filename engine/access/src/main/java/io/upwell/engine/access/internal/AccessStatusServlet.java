package io.upwell.engine.access.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import jakarta.servlet.Servlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/admin/access}: failed, refused and successful logins since the engine started, the
 * user names and addresses locked out now, live logins, and whether open reading is on.
 */
@Component(service = Servlet.class, property = {Whiteboard.SERVLET_PATTERN + "=/api/admin/access", Whiteboard.ON_UPWELL})
public final class AccessStatusServlet extends AccessServlet {
    private static final long serialVersionUID = 1L;

    @Activate
    public AccessStatusServlet(@Reference AccessComponent access) {
        on("GET", (request, response) -> {
            Gatekeeper gatekeeper = access.gatekeeper();
            LoginThrottle.Status status = gatekeeper.throttleStatus();
            JsonObject body = new JsonObject();
            body.addProperty("failedLogins", status.failures());
            body.addProperty("refusedWhileLockedOut", status.refusedWhileLockedOut());
            body.addProperty("successfulLogins", status.successes());
            body.addProperty("liveLogins", gatekeeper.sessions().live());
            JsonArray locked = new JsonArray();
            for (LoginThrottle.Lockout lockout : status.lockedOut()) {
                JsonObject entry = new JsonObject();
                entry.addProperty("key", lockout.key());
                entry.addProperty("failures", lockout.failures());
                entry.addProperty("until", lockout.until().toString());
                locked.add(entry);
            }
            body.add("lockedOut", locked);
            body.addProperty("anonymousViewer", gatekeeper.settings().anonymousViewer());
            body.addProperty("usersFile", gatekeeper.settings().usersFile().toString());
            Json.send(response, 200, body);
        });
    }
}
