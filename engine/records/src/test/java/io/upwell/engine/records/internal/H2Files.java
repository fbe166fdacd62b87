package io.upwell.engine.records.internal;

import io.upwell.engine.records.internal.db.DatabaseSettings;
import java.nio.file.Path;
import org.osgi.service.jdbc.DataSourceFactory;

/** Embedded H2 in files of a temporary directory, the default the records use. */
final class H2Files implements TestDatabase {
    @Override
    public DataSourceFactory driver() {
        return new org.h2.util.OsgiDataSourceFactory(new org.h2.Driver());
    }

    @Override
    public String driverClass() {
        return "org.h2.Driver";
    }

    @Override
    public DatabaseSettings freshDatabase(Path scratch) {
        return DatabaseSettings.embedded(scratch, 4);
    }

    @Override
    public DatabaseSettings withWrongPassword(DatabaseSettings database) {
        return null;
    }
}
