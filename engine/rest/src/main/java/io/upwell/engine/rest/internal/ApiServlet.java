package io.upwell.engine.rest.internal;

import io.upwell.engine.rest.internal.http.Dispatcher;
import io.upwell.engine.rest.internal.json.WireGson;
import io.upwell.engine.rest.internal.resources.ApiRoutes;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The REST API: every operation under {@code /api/} except the live stream, answered from the route
 * table ({@link ApiRoutes}). Registered on the {@value RestNames#CONTEXT_NAME} context, so the access
 * bundle has authenticated the caller and checked the role before a request gets here; without that
 * context nothing of this servlet is served. The access bundle's own paths ({@code /api/login} ...) are
 * more specific and win.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/*")
@HttpWhiteboardContextSelect(RestNames.CONTEXT_SELECT)
public final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Dispatcher dispatcher;

    @Activate
    public ApiServlet(@Reference EngineReferences engine) {
        this.dispatcher = new Dispatcher(ApiRoutes.table(engine), WireGson.GSON);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (request.getMethod().equals("HEAD")) {
            super.service(request, response); // doHead: the GET answer's headers, without its body
        } else {
            dispatcher.dispatch(request, response, path(request));
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        dispatcher.dispatch(request, response, path(request));
    }

    static String path(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }
}
