package io.upwell.engine.core.internal.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.MalformedJsonException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The journal writes strict JSON only, and reads only strict JSON back (SR-16: any reader can parse it). */
@Tag("SR-16")
class JournalGsonTest {
    private final Gson gson = JournalGson.create();

    @Test
    void numbersThatAreNotFiniteAndNullsAreWrittenAsNull() {
        assertEquals("[1.5,null,null,null]", gson.toJson(Arrays.asList(1.5, Double.NaN, Double.POSITIVE_INFINITY, null)));
        assertEquals("[null]", gson.toJson(new Float[] {Float.NaN}));
    }

    @Test
    void timesDurationsAndPathsAreTheirText() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("at", Instant.parse("2026-11-24T12:00:00Z"));
        fields.put("hold", Duration.ofSeconds(90));
        fields.put("file", Path.of("sessions"));
        fields.put("none", null);
        assertEquals("{\"at\":\"2026-11-24T12:00:00Z\",\"hold\":\"PT1M30S\",\"file\":\"sessions\",\"none\":null}",
                gson.toJson(fields));
    }

    @Test
    void theReaderRefusesJsonThatIsNotStrict() {
        JsonReader lenientKey = JournalGson.strictReader(new StringReader("{type:\"x\"}"));
        assertThrows(MalformedJsonException.class, () -> {
            lenientKey.beginObject();
            lenientKey.nextName();
        });
    }

    @Test
    void atEndIsTrueOnlyWhenNothingButTheEndIsLeft() throws Exception {
        JsonReader two = JournalGson.strictReader(new StringReader("{} {}"));
        two.setStrictness(com.google.gson.Strictness.LENIENT); // to read past the first document
        two.beginObject();
        two.endObject();
        assertFalse(JournalGson.atEnd(two));
        JsonReader one = JournalGson.strictReader(new StringReader("{}"));
        one.beginObject();
        one.endObject();
        assertTrue(JournalGson.atEnd(one));
    }
}
