package io.upwell.api.records;

import java.util.Map;

/**
 * Something that happened during a session besides samples and alarms: a state change, an intensity
 * change, an acknowledgement, a technique's revision, a therapist's cue.
 *
 * @param at      ISO-8601 instant it was journaled
 * @param type    the journal's record type ({@code state}, {@code intensity}, {@code acknowledge}, ...)
 * @param details the record's other fields, as text
 */
public record SessionEvent(String at, String type, Map<String, String> details) {
    public SessionEvent {
        at = Times.checked(type + " event: at", at, true);
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
