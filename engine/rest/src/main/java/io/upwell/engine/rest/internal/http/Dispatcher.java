package io.upwell.engine.rest.internal.http;

import com.google.gson.Gson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request from the route table: the route's handler, or a problem document for an unknown
 * path (404), a method the path does not have (405, with {@code Allow}), a refusal the handler threw,
 * and anything that failed inside (500, logged here with its cause, never sent to the client).
 */
public final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final RouteTable routes;
    private final Gson gson;

    public Dispatcher(RouteTable routes, Gson gson) {
        this.routes = routes;
        this.gson = gson;
    }

    public RouteTable routes() {
        return routes;
    }

    /** Answers {@code request}; {@code path} is the decoded path from the server's root. */
    public void dispatch(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        String method = request.getMethod();
        Exchange exchange = new Exchange(request, response, java.util.Map.of(), gson);
        try {
            RouteTable.Resolution resolution = routes.resolve(method, path);
            if (resolution instanceof RouteTable.Found found) {
                found.route().handler().handle(new Exchange(request, response, found.parameters(), gson));
            } else if (resolution instanceof RouteTable.WrongMethod wrong) {
                response.setHeader("Allow", String.join(", ", wrong.allowed()));
                if (method.equals("OPTIONS")) {
                    exchange.noContent();
                    return;
                }
                throw new ApiException(Problem.of(405, "method-not-allowed", "Method not allowed",
                        Texts.quoted(method) + " is not allowed on " + Texts.quoted(path) + "; allowed: "
                                + String.join(", ", wrong.allowed()), List.of()));
            } else {
                throw ApiException.notFound("nothing is served at " + Texts.quoted(path));
            }
        } catch (ApiException e) {
            answer(exchange, response, e.problem());
        } catch (IOException e) {
            // the client went away or sent a body that could not be read: answer if anyone still listens
            LOG.debug("{} {}: the request could not be read or answered: {}", method, path, e.toString());
            answer(exchange, response, Problem.of(400, "bad-request", "Bad request",
                    "the request could not be read: " + e.getMessage(), List.of()));
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", method, path, e);
            answer(exchange, response, Problem.of(500, "internal-error", "Internal error",
                    "the engine's API failed to answer this request; the engine's log says why", List.of()));
        }
    }

    private static void answer(Exchange exchange, HttpServletResponse response, Problem problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setHeader("Content-Disposition", null);
        exchange.problem(problem);
    }
}
