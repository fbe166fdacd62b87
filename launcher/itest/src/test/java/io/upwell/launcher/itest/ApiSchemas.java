package io.upwell.launcher.itest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.harrel.jsonschema.Dialects;
import dev.harrel.jsonschema.Validator;
import dev.harrel.jsonschema.ValidatorFactory;
import dev.harrel.jsonschema.providers.GsonNode;
import java.net.URI;
import java.util.List;

/**
 * The schemas of the OpenAPI document the engine serves, as a JSON Schema (draft 2020-12) validator
 * for what its endpoints answer.
 */
public final class ApiSchemas {

    private final JsonObject schemas;
    private final Validator validator = new ValidatorFactory().withDefaultDialect(new Dialects.Draft2020Dialect())
            .withJsonNodeFactory(new GsonNode.Factory()).createValidator();
    private final URI definitions;

    public ApiSchemas(String openApiDocument) {
        this.schemas = JsonParser.parseString(openApiDocument).getAsJsonObject().getAsJsonObject("components")
                .getAsJsonObject("schemas");
        JsonObject root = new JsonObject();
        root.addProperty("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.add("$defs", JsonParser.parseString(schemas.toString().replace("\"#/components/schemas/", "\"#/$defs/")));
        this.definitions = validator.registerSchema(URI.create("urn:upwell:openapi"), root);
    }

    /** Every way {@code instance} breaks the named schema; empty when it conforms. */
    public List<String> problems(String schema, JsonElement instance) {
        if (!schemas.has(schema)) {
            throw new IllegalArgumentException("the document has no schema " + schema);
        }
        return validator.validate(URI.create(definitions + "#/$defs/" + schema), instance).getErrors().stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getError()).toList();
    }

    /** Fails naming every problem when {@code instance} does not conform to the named schema. */
    public void check(String schema, JsonElement instance) {
        List<String> problems = problems(schema, instance);
        if (!problems.isEmpty()) {
            throw new AssertionError(schema + " does not describe " + instance + ": " + problems);
        }
    }
}
