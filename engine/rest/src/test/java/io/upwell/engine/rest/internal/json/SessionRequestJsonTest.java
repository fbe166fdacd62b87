package io.upwell.engine.rest.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.engine.rest.internal.http.ApiException;
import io.upwell.engine.rest.internal.http.FieldError;
import io.upwell.engine.rest.internal.http.JsonBody;
import io.upwell.engine.rest.internal.http.Problem;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A session request's JSON refused with every field at fault named by its JSON path (SR-17). */
class SessionRequestJsonTest {

    private static Problem refusal(String body) {
        return assertThrows(ApiException.class, () -> SessionRequestJson.read(JsonBody.parse(body), "ana")).problem();
    }

    private static Map<String, String> byField(Problem problem) {
        return problem.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message,
                (a, b) -> a + " | " + b));
    }

    @Test
    void everyMalformedFieldIsNamedByItsPathInOneAnswer() {
        Problem problem = refusal("""
                {"client":{"id":17},"technique":"static-cupping","parameters":{"targetKpa":[40]},
                 "cups":[{"device":"sim-1","channel":0,"site":{"region":"UPPER_BACK","side":"LEFT"}},
                         {"device":"sim-1","channel":"1","site":{"region":"ELBOW","side":"LEFT","colour":"red"}},
                         "a cup"],
                 "screening":{"conditions":["HAEMOPHILIA"],"sites":[{"region":"CALF","side":"UP","finding":"MOLE"}]},
                 "override":{"by":"Dr Reis"}, "speed":"fast"}
                """);
        assertEquals(400, problem.status());
        assertEquals(Problem.TYPE_PREFIX + "bad-request", problem.type());
        Map<String, String> errors = byField(problem);
        assertEquals(List.of("client.id", "cups[1].channel", "cups[1].site.colour", "cups[1].site.region", "cups[2]",
                "override.because", "parameters.targetKpa", "screening.conditions[0]", "screening.screenedBy",
                "screening.sites[0].side", "speed"), errors.keySet().stream().sorted().toList());
        assertTrue(errors.get("cups[1].site.region").contains("unknown value 'ELBOW'; must be one of UPPER_BACK, "
                + "LOWER_BACK, SHOULDER"), errors.get("cups[1].site.region"));
        assertTrue(errors.get("screening.sites[0].side").contains("LEFT, RIGHT, CENTRE"));
        assertTrue(errors.get("cups[1].channel").contains("must be a whole number, got a string"));
        assertTrue(errors.get("speed").startsWith("unknown field; the body takes client, technique"));
        assertTrue(problem.detail().startsWith("the session request: "), problem.detail());
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        Problem problem = refusal("{}");
        assertEquals(List.of("client", "cups", "technique"),
                byField(problem).keySet().stream().sorted().toList());
        assertEquals("is required", byField(problem).get("technique"));
        assertEquals(List.of("client.id", "cups[0].channel", "cups[0].device", "cups[0].site"),
                byField(refusal("{\"client\":{},\"technique\":\"x\",\"cups\":[{}]}")).keySet().stream().sorted()
                        .toList());
    }

    @Test
    void theOperatorIsNeverTakenFromTheBody() {
        Problem problem = refusal("""
                {"operator":"mallory","client":{"id":"c"},"technique":"t",
                 "cups":[{"device":"d","channel":0,"site":{"region":"CALF","side":"LEFT"}}]}
                """);
        assertEquals(400, problem.status());
        assertEquals("is not taken from the body: the operator is the signed-in user", byField(problem).get("operator"));
    }

    @Test
    void wellFormedValuesOutOfRangeAre422() {
        Problem problem = refusal("""
                {"client":{"id":"c"},"technique":"t","intensity":151,
                 "cups":[{"device":"d","channel":0,"zone":256,"site":{"region":"CALF","side":"LEFT"}}],
                 "screening":{"screenedBy":"Dr Reis","maxVacuumKpa":0}}
                """);
        assertEquals(422, problem.status());
        Map<String, String> errors = byField(problem);
        assertEquals("must be 10 to 150, got '151'", errors.get("intensity"));
        assertEquals("must be 0 to 255, got '256'", errors.get("cups[0].zone"));
        assertTrue(errors.get("screening.maxVacuumKpa").startsWith("must be a positive number"));
        assertEquals(422, refusal("{\"client\":{\"id\":\"c\"},\"technique\":\"t\",\"cups\":[]}").status());
    }

    @Test
    void numbersMustBeWholeAndFiniteWhereTheFieldSaysSo() {
        String cups = "\"cups\":[{\"device\":\"d\",\"channel\":%s,\"site\":{\"region\":\"CALF\",\"side\":\"LEFT\"}}]";
        for (String channel : new String[] {"1.5", "true", "null", "\"0\""}) {
            Problem problem = refusal("{\"client\":{\"id\":\"c\"},\"technique\":\"t\"," + cups.formatted(channel) + "}");
            assertEquals(400, problem.status(), channel);
            assertTrue(byField(problem).containsKey("cups[0].channel"), channel + ": " + problem);
        }
        Problem huge = refusal("{\"client\":{\"id\":\"c\"},\"technique\":\"t\"," + cups.formatted("1e400") + "}");
        assertEquals(422, huge.status(), "a whole number, out of range");
        assertTrue(byField(huge).get("cups[0].channel").startsWith("must be 0 to 2147483647"), huge.toString());
        assertEquals(2, SessionRequestJson.read(JsonBody.parse("{\"client\":{\"id\":\"c\"},\"technique\":\"t\","
                + cups.formatted("2.0") + "}"), "ana").placements().get(0).channel());
        Problem infinite = refusal("{\"client\":{\"id\":\"c\"},\"technique\":\"t\",\"parameters\":{\"k\":-1e999},"
                + cups.formatted("0") + "}");
        assertEquals("must be a finite number", byField(infinite).get("parameters.k"));
    }

    @Test
    void enumNamesForgiveCaseAndDashes() {
        var request = SessionRequestJson.read(JsonBody.parse("""
                {"client":{"id":"c"},"technique":"t",
                 "cups":[{"device":"d","channel":0,"site":{"region":"upper-back","side":"left"}}]}
                """), "ana");
        assertEquals(io.upwell.api.body.BodyRegion.UPPER_BACK, request.placements().get(0).site().region());
    }
}
