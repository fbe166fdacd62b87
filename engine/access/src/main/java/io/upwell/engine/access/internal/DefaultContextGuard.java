package io.upwell.engine.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.servlet.context.ServletContextHelper;

/**
 * Replaces the Servlet Whiteboard's {@code default} context (ranked above the implementation's own)
 * with one behind the same gatekeeper as the {@code upwell} context: a servlet or resource registered
 * without selecting a context, by mistake or by a third-party bundle, is under the same login and
 * role policy instead of open to anyone who can reach the port.
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE, property = {
        Whiteboard.CONTEXT_NAME + "=default",
        Whiteboard.CONTEXT_PATH + "=/",
        "service.ranking:Integer=1000" })
public final class DefaultContextGuard extends ServletContextHelper {

    private final AccessComponent access;

    @Activate
    public DefaultContextGuard(ComponentContext context, @Reference AccessComponent access) {
        super(context.getUsingBundle());
        this.access = access;
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return access.gatekeeper().handleSecurity(request, response);
    }
}
