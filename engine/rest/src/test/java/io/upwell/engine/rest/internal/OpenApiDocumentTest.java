package io.upwell.engine.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.upwell.engine.rest.internal.http.Route;
import io.upwell.engine.rest.internal.resources.ApiRoutes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The OpenAPI document against the route table the servlets serve, and against itself. */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");

    private final OpenApiSchemas schemas = new OpenApiSchemas();
    private final List<Route> routes = ApiRoutes.table(new UnusedEngine()).routes();

    @Test
    void everyServedOperationIsDocumentedWithItsMethodAndEveryDocumentedOneIsServed() {
        Set<String> served = new TreeSet<>();
        for (Route route : routes) {
            served.add(route.method() + " " + route.template() + " " + route.operationId());
        }
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, JsonElement> path : schemas.document().getAsJsonObject("paths").entrySet()) {
            for (Map.Entry<String, JsonElement> operation : path.getValue().getAsJsonObject().entrySet()) {
                if (METHODS.contains(operation.getKey())) {
                    documented.add(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey() + " "
                            + operation.getValue().getAsJsonObject().get("operationId").getAsString());
                }
            }
        }
        assertEquals(served, documented);
    }

    @Test
    void everyPathParameterOfARouteIsDeclaredInItsOperation() {
        List<String> missing = new ArrayList<>();
        for (Route route : routes) {
            JsonObject operation = schemas.document().getAsJsonObject("paths").getAsJsonObject(route.template())
                    .getAsJsonObject(route.method().toLowerCase(java.util.Locale.ROOT));
            Set<String> declared = new TreeSet<>();
            if (operation.has("parameters")) {
                operation.getAsJsonArray("parameters").forEach(p -> {
                    if (p.getAsJsonObject().get("in").getAsString().equals("path")) {
                        declared.add(p.getAsJsonObject().get("name").getAsString());
                    }
                });
            }
            if (!declared.equals(new TreeSet<>(route.parameterNames()))) {
                missing.add(route.method() + " " + route.template() + " declares " + declared);
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyReferenceResolvesAndEveryOperationAnswersProblemsAsProblemDocuments() {
        String text = schemas.document().toString();
        Matcher ref = Pattern.compile("\"\\$ref\":\"#/components/schemas/([A-Za-z_]+)\"").matcher(text);
        Set<String> unresolved = new TreeSet<>();
        JsonObject components = schemas.document().getAsJsonObject("components").getAsJsonObject("schemas");
        int references = 0;
        while (ref.find()) {
            references++;
            if (!components.has(ref.group(1))) {
                unresolved.add(ref.group(1));
            }
        }
        assertTrue(references > 50, "references: " + references);
        assertEquals(Set.of(), unresolved);
        List<String> notProblems = new ArrayList<>();
        for (Map.Entry<String, JsonElement> path : schemas.document().getAsJsonObject("paths").entrySet()) {
            for (Map.Entry<String, JsonElement> operation : path.getValue().getAsJsonObject().entrySet()) {
                JsonObject responses = operation.getValue().getAsJsonObject().getAsJsonObject("responses");
                for (Map.Entry<String, JsonElement> response : responses.entrySet()) {
                    int status = Integer.parseInt(response.getKey());
                    JsonObject content = response.getValue().getAsJsonObject().getAsJsonObject("content");
                    if (status >= 400 && (content == null || !content.has("application/problem+json"))) {
                        notProblems.add(operation.getKey() + " " + path.getKey() + " " + status);
                    }
                }
            }
        }
        assertEquals(List.of(), notProblems, "error answers that are not problem documents");
    }
}
