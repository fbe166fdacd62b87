package io.upwell.engine.records.internal.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * A pool of connections to the records database. The pool starts without a connection, so a server
 * that is down at start is no error here: the first use reports it, and every later use tries again.
 */
public final class Database implements AutoCloseable {
    /**
     * How long a caller waits for a connection before being told the database cannot be reached. Below
     * the engine's default plugin-call deadline (2 s), so that a start asking the treatment history
     * (SR-15) of a database that is down is refused naming the database, not merely a timeout.
     */
    static final long CONNECTION_TIMEOUT_MILLIS = 1_500;

    private final DatabaseSettings settings;
    private final HikariDataSource pool;

    private Database(DatabaseSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
    }

    /**
     * A pool over the driver's data source.
     *
     * @throws SQLException when the driver refuses the settings (a malformed URL, say)
     */
    public static Database open(DataSourceFactory driver, DatabaseSettings settings) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, settings.url());
        if (!settings.user().isEmpty()) {
            properties.setProperty(DataSourceFactory.JDBC_USER, settings.user());
        }
        if (!settings.password().isEmpty()) {
            properties.setProperty(DataSourceFactory.JDBC_PASSWORD, settings.password());
        }
        DataSource source = driver.createDataSource(properties);
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setPoolName("upwell-records");
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(0);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setValidationTimeout(Math.min(CONNECTION_TIMEOUT_MILLIS, 1_000));
        // Start even when the server is down: delivery waits in the journal and tries again.
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(true);
        return new Database(settings, new HikariDataSource(config));
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    public Dialect dialect() {
        return settings.dialect();
    }

    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        pool.close();
    }
}
