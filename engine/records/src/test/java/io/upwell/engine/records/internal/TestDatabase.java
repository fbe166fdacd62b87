package io.upwell.engine.records.internal;

import io.upwell.engine.records.internal.db.DatabaseSettings;
import java.nio.file.Path;
import org.osgi.service.jdbc.DataSourceFactory;

/** A real database for the records' tests: a fresh, empty one for each test. */
interface TestDatabase {

    /** The driver, as its bundle registers it in OSGi. */
    DataSourceFactory driver();

    /** The driver's class, as its DataSourceFactory service names it. */
    String driverClass();

    /**
     * A new empty database.
     *
     * @param scratch a directory of the test's own, for databases that live in files
     */
    DatabaseSettings freshDatabase(Path scratch) throws Exception;

    /** The same database, reached with a wrong password; null where the database has none. */
    DatabaseSettings withWrongPassword(DatabaseSettings database);
}
