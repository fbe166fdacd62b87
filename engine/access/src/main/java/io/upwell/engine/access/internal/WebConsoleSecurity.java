package io.upwell.engine.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.felix.webconsole.spi.SecurityProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Felix Web Console's login: the same users, tokens, cookie and Basic credentials as the rest of
 * the HTTP surface, and administrators only. Registered with the provider id {@value #PROVIDER_ID};
 * the run descriptor sets {@code felix.webconsole.security.providers} to it, so the console serves
 * nothing until this provider is there, and its built-in admin/admin provider, ranked below every
 * other, is never asked.
 */
@Component(service = SecurityProvider.class, property = SecurityProvider.PROPERTY_ID + "=" + WebConsoleSecurity.PROVIDER_ID)
public final class WebConsoleSecurity implements SecurityProvider {
    private static final Logger LOG = LoggerFactory.getLogger(WebConsoleSecurity.class);

    static final String PROVIDER_ID = "upwell";

    private final AccessComponent access;

    @Activate
    public WebConsoleSecurity(@Reference AccessComponent access) {
        this.access = access;
    }

    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        try {
            return access.gatekeeper().webConsole(request, response);
        } catch (IOException e) {
            LOG.debug("the Web Console's refusal could not be written: {}", e.getMessage());
            return null;
        }
    }

    /** Only administrators pass {@link #authenticate}, and an administrator may do everything. */
    @Override
    public boolean authorize(Object user, String role) {
        return user instanceof Gatekeeper.Identity identity && identity.role() == io.upwell.engine.access.Role.ADMIN;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        access.gatekeeper().logout(request);
        SessionCookies.clear(request, response);
    }
}
