package io.upwell.engine.console.internal;

import com.google.gson.Gson;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code GET /console/vocabulary.json}: the start form's choices ({@link Vocabulary}). */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(ConsoleContext.SELECT)
@HttpWhiteboardServletPattern(VocabularyServlet.PATH)
public final class VocabularyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String PATH = ConsoleContext.ROOT + "/vocabulary.json";

    private final byte[] body = new Gson().toJson(Vocabulary.json()).getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json;charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
