package io.upwell.engine.console.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * The console's address: {@code /console} redirects to {@code /console/}, which answers with the
 * console's page. A filter in front of the resource mapping, because the whiteboard's resources serve
 * named files only (a folder answers empty), and Felix refuses a servlet pattern that ends in a slash.
 * The site's root ({@code /}) redirects to {@code /console/} from the access bundle's fallback servlet.
 */
@Component(service = Filter.class)
@HttpWhiteboardContextSelect(ConsoleContext.SELECT)
@HttpWhiteboardFilterPattern(ConsoleContext.ROOT + "/*")
public final class ConsoleEntry implements Filter {

    static final String PAGE = ConsoleContext.ROOT + "/index.html";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)
                || !("GET".equals(http.getMethod()) || "HEAD".equals(http.getMethod()))) {
            chain.doFilter(request, response);
            return;
        }
        String path = http.getRequestURI().substring(http.getContextPath().length());
        if (path.equals(ConsoleContext.ROOT)) {
            answer.sendRedirect(http.getContextPath() + ConsoleContext.ROOT + "/");
        } else if (path.equals(ConsoleContext.ROOT + "/")) {
            page(answer);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static void page(HttpServletResponse response) throws IOException {
        try (InputStream page = ConsoleEntry.class.getResourceAsStream(PAGE)) {
            if (page == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "the console's page is missing from its bundle");
                return;
            }
            response.setContentType("text/html;charset=utf-8");
            page.transferTo(response.getOutputStream());
        }
    }
}
