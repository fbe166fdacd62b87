package io.upwell.engine.rest.internal;

import io.upwell.engine.rest.internal.http.Exchange;
import io.upwell.engine.rest.internal.http.Problem;
import io.upwell.engine.rest.internal.http.Texts;
import io.upwell.engine.rest.internal.json.WireGson;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletErrorPage;

/**
 * What the {@value RestNames#CONTEXT_NAME} context answers when the container itself refuses or fails
 * a request (no servlet for the path, a request it cannot read, an exception that escaped): a problem
 * document with the container's status, never the container's HTML page or a stack trace. Ranked
 * below any other error page of the context.
 */
@Component(service = Servlet.class, property = "service.ranking:Integer=-1000")
@HttpWhiteboardServletErrorPage(errorPage = {"4xx", "5xx", "java.lang.Throwable"})
@HttpWhiteboardContextSelect(RestNames.CONTEXT_SELECT)
public final class ErrorPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number && number >= 400 && number <= 599 ? number : 500;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null) {
            status = 500; // the cause is in the container's log, not in the answer
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String where = uri == null ? "this request" : Texts.quoted(uri.toString());
        String detail = switch (status) {
            case 404 -> "nothing is served at " + where;
            case 405 -> "that method is not allowed on " + where;
            case 500 -> "the server failed to answer " + where + "; its log says why";
            default -> "the server refused " + where + " (HTTP " + status + ")";
        };
        new Exchange(request, response, Map.of(), WireGson.GSON).problem(Problem.of(status, slug(status),
                title(status), detail, List.of()));
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            case 500 -> "internal-error";
            case 503 -> "unavailable";
            default -> "http-" + status;
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Body too large";
            case 415 -> "Unsupported media type";
            case 500 -> "Internal error";
            case 503 -> "Service unavailable";
            default -> status < 500 ? "Refused" : "Server error";
        };
    }
}
