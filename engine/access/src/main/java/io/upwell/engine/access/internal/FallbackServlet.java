package io.upwell.engine.access.internal;

import jakarta.servlet.Servlet;
import org.osgi.service.component.annotations.Component;

/**
 * What the {@code upwell} context answers where no other servlet or resource is registered: {@code /}
 * itself redirects to the console ({@code /console/}), anything else is a 404 problem document (after
 * the login, so that an unauthenticated client learns nothing about which paths exist). Ranked below
 * everything, so any bundle's own registration of the same pattern wins.
 */
@Component(service = Servlet.class, property = {Whiteboard.SERVLET_PATTERN + "=/", Whiteboard.ON_UPWELL,
        "service.ranking:Integer=-1000"})
public final class FallbackServlet extends AccessServlet {
    private static final long serialVersionUID = 1L;

    public FallbackServlet() {
        Handler notFound = (request, response) -> {
            String path = Gatekeeper.pathOf(request);
            if (path.equals("/") && (request.getMethod().equals("GET") || request.getMethod().equals("HEAD"))) {
                response.setHeader("Location", "/console/");
                response.setStatus(302);
                return;
            }
            Problem.of(404, "not-found", "Not found", "nothing is served at " + path).send(response);
        };
        for (String method : new String[] {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
            on(method, notFound);
        }
    }
}
