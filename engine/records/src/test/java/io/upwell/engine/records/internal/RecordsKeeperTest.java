package io.upwell.engine.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.records.DeliveryStatus;
import io.upwell.api.records.RecordQuery;
import io.upwell.api.records.RecordsException;
import io.upwell.engine.records.internal.db.DatabaseSettings;
import io.upwell.engine.records.internal.db.RecordStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keeper as the bundle runs it: its own thread, the embedded database, a database that comes and goes. */
class RecordsKeeperTest {
    @TempDir
    Path dataDirectory;
    @TempDir
    Path scratch;

    private final H2Files h2 = new H2Files();
    private RecordsKeeper keeper = new RecordsKeeper("station-a", 1, RecordStore.Interruption.NONE);

    @AfterEach
    void close() throws InterruptedException {
        keeper.close();
        assertTrue(keeper.awaitClosed(30, TimeUnit.SECONDS), "the records thread ends once closed");
    }

    private void settle(java.util.concurrent.Future<?> pass) throws Exception {
        pass.get(30, TimeUnit.SECONDS);
    }

    @Test
    void byDefaultTheRecordsGoToH2InTheEnginesDataDirectory() throws Exception {
        try (Journals journals = new Journals(dataDirectory)) {
            journals.session("s-1", "C-1", RecordsContract.TWO_CUPS, 1, 20);
        }
        settle(keeper.configure(null, 2));
        DeliveryStatus waiting = keeper.deliveryStatus();
        assertFalse(waiting.connected());
        assertEquals("no engine is running yet, so the embedded database has no data directory", waiting.lastProblem());
        RecordsException notOpen = assertThrows(RecordsException.class, () -> keeper.find(RecordQuery.all()));
        assertEquals("the records database is not open: no engine is running yet, so the embedded database has no data"
                + " directory", notOpen.getMessage());

        keeper.driverAdded(h2.driverClass(), h2.driver());
        settle(keeper.engineAdded(dataDirectory));
        assertTrue(Files.isRegularFile(dataDirectory.resolve("records/upwell-records.mv.db")));
        assertEquals(List.of("s-1"), RecordsContract.ids(keeper.find(RecordQuery.all())));
        DeliveryStatus status = keeper.deliveryStatus();
        assertTrue(status.connected());
        assertEquals(io.upwell.engine.records.internal.db.Migrations.SCRIPTS.size(), status.schemaVersion());
        assertEquals(1, status.delivered());
        assertEquals(List.of(), status.pending());
        assertNull(status.lastProblem());
        assertTrue(status.database().startsWith("jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("records")),
                status.database());
    }

    @Test
    void aSessionHeardEndingIsDeliveredOnceItsJournalIsSettled() throws Exception {
        keeper.driverAdded(h2.driverClass(), h2.driver());
        settle(keeper.engineAdded(dataDirectory));
        try (Journals journals = new Journals(dataDirectory)) {
            journals.session("s-1", "C-1", RecordsContract.TWO_CUPS, 1, 20);
            keeper.sessionEnded("s-1"); // may come before the journal's writer forced the end to disk
        }
        Await.until("s-1 is in the database", () -> !keeper.find(RecordQuery.all()).isEmpty());
        Await.until("nothing is pending", () -> keeper.deliveryStatus().pending().isEmpty()
                && keeper.heardEndedForTests().isEmpty());
        assertEquals(1, keeper.deliveryStatus().delivered());
    }

    @Test
    void whileTheDatabaseCannotBeReachedRecordsWaitInTheJournalAndArriveWhenItReturns() throws Exception {
        try (Journals journals = new Journals(dataDirectory)) {
            journals.session("s-1", "C-1", RecordsContract.TWO_CUPS, 1, 20);
            journals.session("s-2", "C-2", RecordsContract.TWO_CUPS, 1, 20);
        }
        // A database in a directory that cannot be made: a file stands where the directory should be.
        Path blocked = Files.writeString(scratch.resolve("db-host"), "not a directory");
        DatabaseSettings unreachable = new DatabaseSettings("jdbc:h2:file:" + blocked.resolve("upwell") + ";MODE=PostgreSQL",
                "", "", 2);
        keeper.driverAdded(h2.driverClass(), h2.driver());
        keeper.configure(unreachable, 2);
        settle(keeper.engineAdded(dataDirectory));
        DeliveryStatus down = keeper.deliveryStatus();
        assertFalse(down.connected());
        assertTrue(down.lastProblem().startsWith("the records database " + unreachable.shownUrl() + " cannot be reached"),
                down.lastProblem());
        assertThrows(RecordsException.class, () -> keeper.find(RecordQuery.all()));

        Files.delete(blocked); // the database comes back; the keeper tries again by itself
        Await.until("both sessions arrive", () -> keeper.deliveryStatus().delivered() == 2);
        assertEquals(List.of("s-2", "s-1"), RecordsContract.ids(keeper.find(RecordQuery.all())));
        assertTrue(keeper.deliveryStatus().connected());
        assertNull(keeper.deliveryStatus().lastProblem());
    }

    @Test
    void aMissingDriverIsNamed() throws Exception {
        keeper.configure(new DatabaseSettings("jdbc:postgresql://localhost:1/upwell", "u", "secret", 2), 2);
        settle(keeper.deliverNow());
        DeliveryStatus status = keeper.deliveryStatus();
        assertEquals("the JDBC driver org.postgresql.Driver is not installed (no DataSourceFactory service for it);"
                + " records wait in the journal", status.lastProblem());
        assertEquals("jdbc:postgresql://localhost:1/upwell", status.database());
    }
}
