package io.upwell.engine.rest.internal;

import io.upwell.engine.rest.internal.http.Exchange;
import io.upwell.engine.rest.internal.http.Problem;
import io.upwell.engine.rest.internal.http.Texts;
import io.upwell.engine.rest.internal.json.WireGson;
import io.upwell.engine.rest.internal.json.WireTypes.ResetJson;
import io.upwell.engine.rest.internal.stream.ServletSink;
import io.upwell.engine.rest.internal.stream.StreamClient;
import io.upwell.engine.rest.internal.stream.StreamHub;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/stream}: the live stream as Server-Sent Events, from an asynchronous servlet whose
 * writes never block (a client's frames wait in its own bounded queue; see {@link StreamClient}). A
 * client with a {@code Last-Event-ID} resumes after that event; any other begins with a {@code hello}
 * holding the current state.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/stream")
@HttpWhiteboardServletAsyncSupported
@HttpWhiteboardContextSelect(RestNames.CONTEXT_SELECT)
public final class StreamServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient StreamComponent stream;

    @Activate
    public StreamServlet(@Reference StreamComponent stream) {
        this.stream = stream;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (method.equals("HEAD")) {
            response.setStatus(200);
            response.setContentType("text/event-stream");
            return;
        }
        if (!method.equals("GET")) {
            response.setHeader("Allow", "GET, HEAD");
            new Exchange(request, response, Map.of(), WireGson.GSON).problem(Problem.of(405, "method-not-allowed",
                    "Method not allowed", Texts.quoted(method) + " is not allowed on '/api/stream'; allowed: GET, HEAD",
                    List.of()));
            return;
        }
        StreamHub hub = stream.hub();
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no"); // a proxy in front must not hold events back
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // the stream lasts until the client leaves; heartbeats keep it from idling out
        StreamClient client = new StreamClient(request.getRemoteAddr() + ":" + request.getRemotePort()
                + (request.getRemoteUser() == null ? "" : " (" + request.getRemoteUser() + ")"), stream.writers());
        ServletSink sink = new ServletSink(async, client);
        StreamHub.Start start = hub.subscribe(client, request.getHeader("Last-Event-ID"));
        if (start instanceof StreamHub.Fresh fresh) {
            sink.prependHello(fresh.atId(), stream.hello(), StreamComponent.RETRY_MILLIS,
                    fresh.reset() == null ? null : WireGson.GSON.toJson(new ResetJson(fresh.reset())));
        }
        sink.start();
    }
}
