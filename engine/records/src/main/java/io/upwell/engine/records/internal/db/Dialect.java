package io.upwell.engine.records.internal.db;

import java.util.Map;

/**
 * What differs between the databases the records support: the JDBC driver, three column types the
 * migration scripts name by placeholder, and how a migration keeps other engines out while it runs.
 */
public enum Dialect {
    /** Embedded H2, the default: a file in the engine's data directory, nothing to install. */
    H2("jdbc:h2:", "org.h2.Driver", "CHARACTER VARYING", "BINARY VARYING", "TIMESTAMP WITH TIME ZONE", null),
    /** PostgreSQL, for a clinic whose stations share one database. */
    POSTGRESQL("jdbc:postgresql:", "org.postgresql.Driver", "TEXT", "BYTEA", "TIMESTAMP WITH TIME ZONE",
            // A transaction-scoped advisory lock: held from before the version table exists (two
            // stations' CREATE TABLE IF NOT EXISTS at once collide in PostgreSQL's catalogue) until commit.
            "SELECT pg_advisory_xact_lock(7310150001)");

    private final String urlPrefix;
    private final String driverClass;
    private final Map<String, String> types;
    private final String migrationLock;

    Dialect(String urlPrefix, String driverClass, String text, String binary, String timestamp, String migrationLock) {
        this.urlPrefix = urlPrefix;
        this.driverClass = driverClass;
        this.types = Map.of("${TEXT}", text, "${BINARY}", binary, "${TIMESTAMP}", timestamp);
        this.migrationLock = migrationLock;
    }

    /** The dialect of a JDBC URL, or null when the records support no database of that kind. */
    public static Dialect of(String url) {
        for (Dialect dialect : values()) {
            if (url.startsWith(dialect.urlPrefix)) {
                return dialect;
            }
        }
        return null;
    }

    public String urlPrefix() {
        return urlPrefix;
    }

    /** The driver's class name: its DataSourceFactory service carries it as {@code osgi.jdbc.driver.class}. */
    public String driverClass() {
        return driverClass;
    }

    /** The script with this dialect's types in place of the placeholders. */
    String typed(String script) {
        String result = script;
        for (Map.Entry<String, String> type : types.entrySet()) {
            result = result.replace(type.getKey(), type.getValue());
        }
        return result;
    }

    /**
     * The statement that keeps other engines' migrations waiting until this one commits, or null
     * where one process owns the database (embedded H2 locks its file).
     */
    String migrationLock() {
        return migrationLock;
    }
}
