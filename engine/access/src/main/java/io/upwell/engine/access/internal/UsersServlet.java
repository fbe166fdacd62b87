package io.upwell.engine.access.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.upwell.engine.access.AccessException;
import io.upwell.engine.access.Role;
import io.upwell.engine.access.UserAccount;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The users, for administrators (the policy lets only role admin under {@code /api/admin/}):
 * <ul>
 * <li>{@code GET /api/admin/users}: {@code {"users":[{"user":..,"role":..,"created":..}]}};</li>
 * <li>{@code POST /api/admin/users {"user":..,"role":..,"password":..}}: 201 with the new user;</li>
 * <li>{@code PUT /api/admin/users/NAME {"role":..,"password":..}} (either or both): 200; the user's
 * logins end;</li>
 * <li>{@code DELETE /api/admin/users/NAME}: 204; the user's logins end.</li>
 * </ul>
 * Refusals are problem documents: 400 for a bad name, role or password, 404 for no such user, 409
 * for a taken name or the last admin.
 */
@Component(service = Servlet.class, property = {
        Whiteboard.SERVLET_PATTERN + "=/api/admin/users",
        Whiteboard.SERVLET_PATTERN + "=/api/admin/users/*",
        Whiteboard.ON_UPWELL })
public final class UsersServlet extends AccessServlet {
    private static final long serialVersionUID = 1L;

    @Activate
    public UsersServlet(@Reference AccessComponent access) {
        on("GET", (request, response) -> {
            requireNoName(request);
            JsonArray users = new JsonArray();
            for (UserAccount account : call(access::users)) {
                users.add(json(account));
            }
            JsonObject body = new JsonObject();
            body.add("users", users);
            Json.send(response, 200, body);
        });
        on("POST", (request, response) -> {
            requireNoName(request);
            JsonObject body = Json.object(request, access.gatekeeper().settings().requestBodyLimit());
            String user = Json.text(body, "user");
            Role role = role(Json.text(body, "role"));
            char[] password = Json.text(body, "password").toCharArray();
            UserAccount added = call(() -> access.add(user, role, password, by(request)));
            Json.send(response, 201, json(added));
        });
        on("PUT", (request, response) -> {
            String name = name(request);
            JsonObject body = Json.object(request, access.gatekeeper().settings().requestBodyLimit());
            String roleText = Json.optionalText(body, "role");
            String passwordText = Json.optionalText(body, "password");
            if (roleText == null && passwordText == null) {
                throw new Json.Refusal(Problem.badRequest("give 'role', 'password' or both"));
            }
            Role role = roleText == null ? null : role(roleText);
            existing(access, name);
            if (passwordText != null) {
                char[] password = passwordText.toCharArray();
                call(() -> {
                    access.changePassword(name, password, by(request));
                    return null;
                });
            }
            if (role != null) {
                call(() -> {
                    access.changeRole(name, role, by(request));
                    return null;
                });
            }
            Json.send(response, 200, json(existing(access, name)));
        });
        on("DELETE", (request, response) -> {
            String name = name(request);
            existing(access, name);
            call(() -> {
                access.remove(name, by(request));
                return null;
            });
            response.setHeader("Cache-Control", "no-store");
            response.setStatus(204);
        });
    }

    private static JsonObject json(UserAccount account) {
        JsonObject user = new JsonObject();
        user.addProperty("user", account.name());
        user.addProperty("role", account.role().id());
        user.addProperty("created", account.created().toString());
        return user;
    }

    private static String by(HttpServletRequest request) {
        return "user '" + request.getRemoteUser() + "' from " + request.getRemoteAddr();
    }

    private static Role role(String text) throws Json.Refusal {
        try {
            return Role.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Json.Refusal(Problem.badRequest("field 'role': " + e.getMessage()));
        }
    }

    private static UserAccount existing(AccessComponent access, String name) throws Json.Refusal {
        return call(access::users).stream().filter(account -> account.name().equals(name)).findFirst()
                .orElseThrow(() -> new Json.Refusal(Problem.of(404, "no-such-user", "No such user",
                        "there is no user '" + name + "'")));
    }

    /** The user name after {@code /api/admin/users/}. */
    private static String name(HttpServletRequest request) throws Json.Refusal {
        String info = request.getPathInfo();
        String name = info == null ? "" : info.replaceFirst("^/", "");
        if (name.isEmpty() || name.contains("/")) {
            throw new Json.Refusal(Problem.badRequest("name the user: /api/admin/users/NAME"));
        }
        return name;
    }

    private static void requireNoName(HttpServletRequest request) throws Json.Refusal {
        String info = request.getPathInfo();
        if (info != null && !info.equals("/") && !info.isEmpty()) {
            throw new Json.Refusal(Problem.of(405, "method-not-allowed", "Method not allowed",
                    request.getMethod() + " is answered at /api/admin/users, not below it"));
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws AccessException;
    }

    /** An administration call; its refusal as a problem: 409 for a conflict, 400 otherwise. */
    private static <T> T call(Call<T> call) throws Json.Refusal {
        try {
            return call.run();
        } catch (AccessException e) {
            String message = e.getMessage();
            boolean conflict = message.contains("exists already") || message.contains("last admin");
            throw new Json.Refusal(conflict ? Problem.of(409, "conflict", "Conflict", message)
                    : Problem.badRequest(message));
        }
    }

}
