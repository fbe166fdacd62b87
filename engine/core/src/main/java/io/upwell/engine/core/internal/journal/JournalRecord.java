package io.upwell.engine.core.internal.journal;

import java.time.Instant;
import java.util.Map;

/**
 * A record waiting for the writer: what it is, for which session (null: the engine file), when it
 * was handed in, its fields, and how many samples had been published at that moment, so that
 * the writer puts it after exactly those samples.
 */
record JournalRecord(Kind kind, String sessionId, String type, Instant time, Map<String, Object> fields,
        long samplesBefore) {

    enum Kind {
        BEGIN, EVENT, END
    }
}
