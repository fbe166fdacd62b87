package io.upwell.api.records;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The ISO-8601 text the record types carry their times in. */
final class Times {
    private Times() {
    }

    /** The instant as ISO-8601 UTC text; null stays null. */
    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /**
     * Checks that {@code text} is an ISO-8601 instant.
     *
     * @throws IllegalArgumentException naming the field when it is not
     */
    static String checked(String field, String text, boolean required) {
        if (text == null) {
            if (required) {
                throw new IllegalArgumentException(field + " must be set");
            }
            return null;
        }
        try {
            Instant.parse(text);
            return text;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 instant such as 2026-11-24T09:30:00Z, got '"
                    + text + "'");
        }
    }

    static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
