package io.upwell.engine.rest.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The checks every body passes: media type, strict JSON, nesting, and what a refusal says. */
class JsonBodyTest {

    private static Problem refusal(Runnable reading) {
        return assertThrows(ApiException.class, reading::run).problem();
    }

    @Test
    void onlyJsonInUtf8IsAccepted() {
        JsonBody.checkMediaType("application/json");
        JsonBody.checkMediaType("application/json; charset=UTF-8");
        JsonBody.checkMediaType("application/merge-patch+json");
        for (String type : new String[] {null, "", "text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1", "application/jsonx"}) {
            Problem problem = refusal(() -> JsonBody.checkMediaType(type));
            assertEquals(415, problem.status(), String.valueOf(type));
            assertEquals(Problem.TYPE_PREFIX + "unsupported-media-type", problem.type());
        }
    }

    @Test
    void malformedJsonIsA400ThatSaysWhereItBroke() {
        Problem problem = refusal(() -> JsonBody.parse("{\"client\": {\"id\": \"c-1\",, }}"));
        assertEquals(400, problem.status());
        assertTrue(problem.detail().startsWith("the body is not valid JSON: "), problem.detail());
        assertEquals("client.id", problem.errors().get(0).field(), problem.toString());
        assertTrue(!problem.detail().contains("github.com"), "no link to Gson's guide: " + problem.detail());
    }

    @Test
    void lenientJsonIsRefused() {
        for (String text : new String[] {"{'a': 1}", "{a: 1}", "[1, 2,]", "NaN", "{\"a\": 1} {\"b\": 2}", "{\"a\":1}x",
            "// comment\n{}", "\"unterminated"}) {
            assertEquals(400, refusal(() -> JsonBody.parse(text)).status(), text);
        }
        assertEquals(2, JsonBody.parse("  [1, 2]  ").getAsJsonArray().size());
    }

    @Test
    void deepNestingIsRefusedBeforeItCanExhaustTheStack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        Problem problem = refusal(() -> JsonBody.parse(deep));
        assertEquals(400, problem.status());
        assertTrue(problem.detail().contains("nested more than " + JsonBody.MAX_DEPTH), problem.detail());
        assertEquals(JsonBody.MAX_DEPTH, depth(JsonBody.parse("[".repeat(JsonBody.MAX_DEPTH)
                + "]".repeat(JsonBody.MAX_DEPTH))));
    }

    private static int depth(com.google.gson.JsonElement element) {
        return element.isJsonArray() && !element.getAsJsonArray().isEmpty() ? 1 + depth(element.getAsJsonArray().get(0))
                : element.isJsonArray() ? 1 : 0;
    }

    @Test
    void whatAClientSentIsQuotedShortAndOnOneLine() {
        assertEquals("'abc'", Texts.quoted("abc"));
        String quoted = Texts.quoted("x".repeat(10_000) + "\n");
        assertEquals(80 + 2, quoted.length(), quoted);
        assertEquals("'a?b'", Texts.quoted("a\nb"));
    }
}
