package io.upwell.api.session;

import java.util.Objects;

/**
 * Whether the engine can record therapy (SR-16). While it cannot, no new session starts; a session
 * already running goes on, and what was lost is counted and reported at its end.
 *
 * @param healthy     true while every record reached the disk
 * @param problem     what failed, where and when, in one line; empty while healthy
 * @param lostRecords records and sample lines that could not be written
 */
public record JournalHealth(boolean healthy, String problem, long lostRecords) {

    public static final JournalHealth HEALTHY = new JournalHealth(true, "", 0);

    public JournalHealth {
        Objects.requireNonNull(problem, "problem");
    }
}
