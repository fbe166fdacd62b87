package io.upwell.engine.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.records.DeliveryStatus;
import io.upwell.api.records.RecordQuery;
import io.upwell.engine.records.internal.db.DatabaseSettings;
import io.upwell.engine.records.internal.db.Migrations;
import io.upwell.engine.records.internal.db.RecordStore;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The records' contract on a real PostgreSQL server the tests start, and what only a server does:
 * refuse a wrong password, go away and come back.
 */
class PostgresRecordsTest extends RecordsContract {
    private static PostgresServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    TestDatabase testDatabase() {
        return server;
    }

    @Test
    void aWrongPasswordIsReportedWithoutShowingAnyPassword() throws Exception {
        DatabaseSettings wrong = server.withWrongPassword(database.settings());
        SQLException refused = assertThrows(SQLException.class,
                () -> new Migrations(STATION).apply(open(wrong)));
        String message = refused.getMessage() + (refused.getCause() == null ? "" : refused.getCause().getMessage());
        assertTrue(message.contains("password authentication failed for user \"upwell\""), message);
        assertFalse(message.contains("not-the-password"), message);
        assertFalse(wrong.toString().contains("not-the-password"));
    }

    @Test
    void twoStationsMigratingTheSameDatabaseTogetherApplyEachVersionOnce() throws Exception {
        RecordStore other = new RecordStore(open(database.settings()));
        Thread first = new Thread(() -> {
            try {
                new Migrations("station-a").apply(database);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        first.start();
        assertEquals(2, new Migrations("station-b").apply(other.database()));
        first.join();
        assertEquals(2, count("upwell_schema_version", null));
    }

    @Test
    void whenTheServerStopsMidwayRecordsWaitInTheJournalAndArriveWhenItIsBack() throws Exception {
        RecordsKeeper keeper = new RecordsKeeper(STATION, 1, RecordStore.Interruption.NONE);
        boolean stopped = false;
        try {
            keeper.driverAdded(server.driverClass(), server.driver());
            keeper.configure(database.settings(), 2);
            keeper.engineAdded(dataDirectory).get(30, TimeUnit.SECONDS);
            try (Journals journals = journals()) {
                journals.session("s-before", "C-1", TWO_CUPS, 1, 20);
            }
            keeper.sessionEnded("s-before");
            Await.until("s-before is recorded", () -> keeper.deliveryStatus().delivered() == 1);

            server.stopServer();
            stopped = true;
            try (Journals journals = new Journals(dataDirectory)) {
                journals.session("s-during", "C-1", TWO_CUPS, 1, 20);
            }
            keeper.sessionEnded("s-during");
            Await.until("the keeper notices the server is gone", () -> !keeper.deliveryStatus().connected());
            DeliveryStatus down = keeper.deliveryStatus();
            assertFalse(down.lastProblem().contains(PostgresServer.PASSWORD), down.lastProblem());

            server.startServer();
            stopped = false;
            Await.until("s-during arrives once the server is back", () -> keeper.deliveryStatus().delivered() == 2);
            assertEquals(List.of("s-during", "s-before"), ids(keeper.find(RecordQuery.all())));
            assertEquals(List.of(), keeper.deliveryStatus().pending());
        } finally {
            keeper.close();
            keeper.awaitClosed(30, TimeUnit.SECONDS);
            if (stopped) {
                server.startServer(); // for the tests after this one
            }
        }
    }
}
