package io.upwell.engine.core.internal.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonElement;
import com.google.gson.stream.MalformedJsonException;
import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The journal's JSON: strict when read back, and a missing value of a text-written type is null. */
@Tag("SR-16")
class JournalGsonStrictTest {
    record Where(Path path, java.time.Instant at) {
    }

    @Test
    void aLineWithARawControlCharacterInAStringIsNoRecord() {
        String line = "{\"type\":\"state\u0001\"}"; // legal only to a lenient reader
        assertThrows(MalformedJsonException.class, () -> JournalGson.create().getAdapter(JsonElement.class)
                .read(JournalGson.strictReader(new StringReader(line))));
    }

    @Test
    void aMissingPathOrTimeInsideARecordIsWrittenAsNull() {
        assertEquals("{\"path\":null,\"at\":null}", JournalGson.create().toJson(new Where(null, null)));
        assertEquals("{\"path\":\"/data\",\"at\":null}", JournalGson.create().toJson(new Where(Path.of("/data"), null)));
    }
}
