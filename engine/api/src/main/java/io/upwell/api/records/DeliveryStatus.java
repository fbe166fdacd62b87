package io.upwell.api.records;

import java.util.List;

/**
 * How delivery from the journal to the database stands.
 *
 * @param database        the database in use, as a JDBC URL without credentials
 * @param connected       whether the last attempt to reach it succeeded
 * @param schemaVersion   the schema version the database is at; 0 before it was first reached
 * @param pending         sessions whose journal is settled but that have not reached the database,
 *                        oldest first
 * @param delivered       sessions delivered since the records bundle started
 * @param lastProblem     the last problem with the database or a journal, in one line; null when the
 *                        last attempt succeeded
 * @param lastProblemAt   ISO-8601 instant of that problem; null when none
 */
public record DeliveryStatus(String database, boolean connected, int schemaVersion, List<String> pending,
        long delivered, String lastProblem, String lastProblemAt) {

    public DeliveryStatus {
        pending = List.copyOf(pending);
        lastProblemAt = Times.checked("delivery status: lastProblemAt", lastProblemAt, false);
    }
}
