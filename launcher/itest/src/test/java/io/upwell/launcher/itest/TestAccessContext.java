package io.upwell.launcher.itest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.servlet.context.ServletContextHelper;

/**
 * Stands in for the access bundle in the REST tests: the Servlet Whiteboard context named
 * {@code upwell} at {@code /} that the REST servlets select. It authenticates nobody; it takes the user
 * name from the test's {@value #USER_HEADER} header and sets it as the request's remote user, as the
 * access bundle does for a user who logged in. A request without the header has no user, which the
 * REST API refuses (401). The access bundle's own tests cover logins, roles and attacks on them; when
 * it is merged, these tests can run behind it instead.
 */
public final class TestAccessContext extends ServletContextHelper {

    /** Who the request is from, in these tests only. */
    public static final String USER_HEADER = "X-Test-User";

    private TestAccessContext(BundleContext context) {
        super(context.getBundle());
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) {
        String user = request.getHeader(USER_HEADER);
        if (user != null && !user.isBlank()) {
            request.setAttribute(REMOTE_USER, user);
            request.setAttribute(AUTHENTICATION_TYPE, "TEST");
        }
        return true;
    }

    /** Registers the context; unregistered with the test's framework. */
    public static ServiceRegistration<ServletContextHelper> register(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.context.name", "upwell");
        properties.put("osgi.http.whiteboard.context.path", "/");
        return context.registerService(ServletContextHelper.class, new TestAccessContext(context), properties);
    }
}
