package io.upwell.engine.access.internal;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A servlet of the access layer: each method it answers is a handler; any other method is 405, a
 * refusal is its problem document, and an unexpected failure is a 500 problem document whose detail
 * names no internals (the log has the stack trace).
 */
abstract class AccessServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AccessServlet.class);

    /** Answers one method. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpServletRequest request, HttpServletResponse response) throws Json.Refusal, IOException;
    }

    private final Map<String, Handler> handlers = new TreeMap<>();

    protected final void on(String method, Handler handler) {
        handlers.put(method, handler);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        Handler handler = handlers.get(method);
        if (handler == null && method.equals("HEAD")) {
            handler = handlers.get("GET");
        }
        try {
            if (handler == null) {
                response.setHeader("Allow", String.join(", ", handlers.keySet()));
                Problem.of(405, "method-not-allowed", "Method not allowed", request.getMethod() + " is not answered"
                        + " here; allowed: " + String.join(", ", handlers.keySet())).send(response);
                return;
            }
            handler.handle(request, response);
        } catch (Json.Refusal refusal) {
            refusal.problem.send(response);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", request.getMethod(), Gatekeeper.pathOf(request), e);
            if (!response.isCommitted()) {
                response.reset();
                Problem.of(500, "internal-error", "Internal error",
                        "the request could not be carried out; the engine's log says why").send(response);
            }
        }
    }
}
