package io.upwell.engine.rest.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.harrel.jsonschema.Dialects;
import dev.harrel.jsonschema.Validator;
import dev.harrel.jsonschema.ValidatorFactory;
import dev.harrel.jsonschema.providers.GsonNode;
import io.upwell.engine.rest.internal.resources.OpenApiResource;
import java.net.URI;
import java.util.List;

/**
 * The OpenAPI document's schemas as a JSON Schema (draft 2020-12) validator: each named schema of
 * {@code components.schemas} checks an instance, its {@code $ref}s resolved within the document.
 */
public final class OpenApiSchemas {

    private static final String COMPONENTS = "#/components/schemas/";

    private final JsonObject document;
    private final Validator validator = new ValidatorFactory().withDefaultDialect(new Dialects.Draft2020Dialect())
            .withJsonNodeFactory(new GsonNode.Factory()).createValidator();
    private final URI definitions;

    public OpenApiSchemas() {
        this.document = JsonParser.parseString(OpenApiResource.load()).getAsJsonObject();
        JsonObject schemas = document.getAsJsonObject("components").getAsJsonObject("schemas");
        // The same schemas under $defs, their references pointing there: a document any validator reads.
        String text = schemas.toString().replace("\"" + COMPONENTS, "\"#/$defs/");
        JsonObject root = new JsonObject();
        root.addProperty("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.add("$defs", JsonParser.parseString(text));
        this.definitions = validator.registerSchema(URI.create("urn:upwell:openapi"), root);
    }

    public JsonObject document() {
        return document;
    }

    /** Every way {@code instance} breaks the named schema; empty when it conforms. */
    public List<String> problems(String schema, JsonElement instance) {
        if (!document.getAsJsonObject("components").getAsJsonObject("schemas").has(schema)) {
            throw new IllegalArgumentException("the document has no schema " + schema);
        }
        Validator.Result result = validator.validate(URI.create(definitions + "#/$defs/" + schema), instance);
        return result.getErrors().stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getError() + " (" + e.getSchemaLocation() + ")")
                .toList();
    }
}
