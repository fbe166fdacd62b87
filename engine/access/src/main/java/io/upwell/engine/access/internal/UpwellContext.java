package io.upwell.engine.access.internal;

import io.upwell.engine.access.AccessNames;
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
 * The {@value AccessNames#CONTEXT_NAME} servlet context at {@code /}: every request to a servlet or
 * resource that selects it passes {@link Gatekeeper#handleSecurity} first. One instance per bundle
 * that uses it (bundle scope), so that a bundle's resources are read from that bundle.
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE, property = {
        Whiteboard.CONTEXT_NAME + "=" + AccessNames.CONTEXT_NAME,
        Whiteboard.CONTEXT_PATH + "=/" })
public final class UpwellContext extends ServletContextHelper {

    private final AccessComponent access;

    @Activate
    public UpwellContext(ComponentContext context, @Reference AccessComponent access) {
        super(context.getUsingBundle());
        this.access = access;
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return access.gatekeeper().handleSecurity(request, response);
    }
}
