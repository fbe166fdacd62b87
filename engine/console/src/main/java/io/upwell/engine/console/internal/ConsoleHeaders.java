package io.upwell.engine.console.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Response headers on every console file. The content security policy lets the page run only this
 * origin's scripts and styles (no inline code, nothing from elsewhere), so that text from the server
 * can never become code even if a page forgot to encode it; the page may not be framed.
 */
@Component(service = Filter.class, property = "service.ranking:Integer=100") // before ConsoleEntry, which may answer itself
@HttpWhiteboardContextSelect(ConsoleContext.SELECT)
@HttpWhiteboardFilterPattern(ConsoleContext.ROOT + "/*")
public final class ConsoleHeaders implements Filter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            http.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            http.setHeader("X-Content-Type-Options", "nosniff");
            http.setHeader("Referrer-Policy", "no-referrer");
            http.setHeader("X-Frame-Options", "DENY");
            // Small files on a local network: always revalidate, so an upgraded engine's console is what runs.
            http.setHeader("Cache-Control", "no-cache");
        }
        chain.doFilter(request, response);
    }
}
