package io.upwell.engine.rest.internal.resources;

import io.upwell.engine.rest.internal.http.ApiException;
import io.upwell.engine.rest.internal.http.Exchange;
import io.upwell.engine.rest.internal.http.FieldError;
import io.upwell.engine.rest.internal.http.JsonBody;
import io.upwell.engine.rest.internal.http.Route;
import io.upwell.engine.rest.internal.json.Units;
import io.upwell.engine.rest.internal.json.WireTypes.ProgramSummaryJson;
import io.upwell.engine.rest.internal.json.WireTypes.ValidationJson;
import io.upwell.plugins.programs.validation.ProgramProblem;
import io.upwell.plugins.programs.validation.ProgramReport;
import io.upwell.plugins.programs.validation.ProgramSummary;
import io.upwell.plugins.programs.validation.ProgramValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/programs/validate}: a program file's JSON checked exactly as the {@code validate}
 * command checks a file (the published schema and the rules it cannot express), without installing
 * it. A valid program answers its summary; an invalid one 422 with every problem, each named by its
 * JSON path and line in the body.
 */
final class ProgramsResource {

    ProgramsResource() {
    }

    List<Route> routes() {
        return List.of(new Route("POST", "/api/programs/validate", "validateProgram", this::validate));
    }

    private void validate(Exchange exchange) throws IOException {
        String text = JsonBody.readText(exchange.request());
        Path file = Files.createTempFile("upwell-program-", ".json");
        ProgramReport report;
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            report = ProgramValidator.validate(file);
        } finally {
            Files.deleteIfExists(file);
        }
        if (!report.valid()) {
            List<FieldError> errors = new ArrayList<>();
            for (ProgramProblem problem : report.problems()) {
                String field = problem.path().equals("$") ? "" : problem.path().startsWith("$.")
                        ? problem.path().substring(2) : problem.path();
                errors.add(new FieldError(field, problem.message() + (problem.line() > 0 ? " (line " + problem.line()
                        + ")" : "")));
            }
            throw ApiException.refused("not a valid program: " + errors.size() + " problem"
                    + (errors.size() == 1 ? "" : "s") + "; the first: " + errors.get(0).message(), errors);
        }
        ProgramSummary s = report.summary().orElseThrow();
        exchange.json(200, new ValidationJson(true, new ProgramSummaryJson(s.id(), s.name(), s.version(), s.style(),
                s.parameters(), s.cups(), s.phases(), s.plannedCups(), Units.seconds(s.plannedDuration()))));
    }
}
