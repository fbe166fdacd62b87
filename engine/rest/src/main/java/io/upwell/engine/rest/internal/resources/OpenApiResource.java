package io.upwell.engine.rest.internal.resources;

import io.upwell.engine.rest.internal.http.Exchange;
import io.upwell.engine.rest.internal.http.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code GET /api/openapi.json}: the OpenAPI 3.1 document of this API, kept in the bundle as data. */
public final class OpenApiResource {

    /** Where the document is, in this bundle. */
    public static final String DOCUMENT = "/io/upwell/engine/rest/openapi.json";

    private final String document;

    OpenApiResource() {
        this.document = load();
    }

    List<Route> routes() {
        return List.of(new Route("GET", "/api/openapi.json", "getOpenApi", this::get));
    }

    private void get(Exchange exchange) throws IOException {
        exchange.text(200, Exchange.JSON, document);
    }

    /** The document's text. */
    public static String load() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("the bundle has no " + DOCUMENT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
