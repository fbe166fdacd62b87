package io.upwell.engine.console.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The ways into the console: the site's root ({@code /}) and {@code /console} redirect to
 * {@code /console/}, which answers with the console's page (the whiteboard's resource mapping serves
 * named files only, not a folder's index).
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(ConsoleContext.SELECT)
@HttpWhiteboardServletPattern({"", ConsoleContext.ROOT, ConsoleContext.ROOT + "/"})
public final class ConsoleEntryServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String PAGE = ConsoleContext.ROOT + "/index.html";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!(ConsoleContext.ROOT + "/").equals(request.getServletPath())) {
            response.sendRedirect(request.getContextPath() + ConsoleContext.ROOT + "/");
            return;
        }
        try (InputStream page = ConsoleEntryServlet.class.getResourceAsStream(PAGE)) {
            if (page == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "the console's page is missing from its bundle");
                return;
            }
            response.setContentType("text/html;charset=utf-8");
            // The page names the current scripts; always ask again so that an upgraded engine is seen.
            response.setHeader("Cache-Control", "no-cache");
            page.transferTo(response.getOutputStream());
        }
    }
}
