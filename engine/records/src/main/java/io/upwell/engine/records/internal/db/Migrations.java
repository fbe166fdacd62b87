package io.upwell.engine.records.internal.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the records schema to the version this bundle knows, at start: versioned SQL scripts that
 * travel in the bundle, applied in order, each recorded in {@code upwell_schema_version} with its
 * checksum, all in one transaction (on PostgreSQL, DDL included, all or nothing; H2 commits DDL
 * at once, so its scripts are written to run again after an interrupted start).
 * <p>
 * Why not a migration library: Flyway finds its scripts by scanning the class path, which inside
 * OSGi sees the library's bundle rather than the one holding the scripts (a long-standing problem
 * in Flyway's tracker); a handful of scripts listed here, read as resources, needs no scanning.
 * <p>
 * A database at a newer version than this bundle knows is refused (an older engine must not write
 * into a schema it does not understand), and so is one where a script already applied no longer
 * matches what the bundle carries. On PostgreSQL a lock is held for the whole migration, so
 * engines that start together migrate one after the other.
 */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** A script: its version, what it does, its resource name beside this class. */
    public record Script(int version, String description, String resource) {
    }

    /** Every script, in order. A new schema version is a new script at the end, never a change to one. */
    public static final List<Script> SCRIPTS = List.of(
            new Script(1, "session records", "migrations/V001__session_records.sql"),
            new Script(2, "simulated cups", "migrations/V002__cup_simulated.sql"));

    static final String VERSION_TABLE = "upwell_schema_version";

    private final List<Script> scripts;
    private final String appliedBy;

    /** The bundle's scripts. */
    public Migrations(String appliedBy) {
        this(SCRIPTS, appliedBy);
    }

    /** Other scripts than the bundle's: for tests. */
    public Migrations(List<Script> scripts, String appliedBy) {
        this.scripts = List.copyOf(scripts);
        this.appliedBy = appliedBy;
    }

    /** The version the scripts bring a database to. */
    public int latest() {
        return scripts.isEmpty() ? 0 : scripts.get(scripts.size() - 1).version();
    }

    /**
     * Applies the scripts the database lacks.
     *
     * @return the schema version the database is now at
     * @throws SQLException when the database cannot be reached or a script fails (its transaction is
     *         rolled back)
     * @throws IllegalStateException when the database is at a newer version than the scripts, or an
     *         applied script changed since; the message says what to do
     */
    public int apply(Database database) throws SQLException {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                lockOutOtherStations(connection, database.dialect());
                createVersionTable(connection, database.dialect());
                int version = migrate(connection, database.dialect());
                connection.commit();
                return version;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private void createVersionTable(Connection connection, Dialect dialect) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(dialect.typed("CREATE TABLE IF NOT EXISTS " + VERSION_TABLE + " ("
                    + " version INTEGER NOT NULL PRIMARY KEY,"
                    + " description VARCHAR(200) NOT NULL,"
                    + " script VARCHAR(200) NOT NULL,"
                    + " checksum VARCHAR(64) NOT NULL,"
                    + " applied_at ${TIMESTAMP} NOT NULL,"
                    + " applied_by VARCHAR(300) NOT NULL)"));
        }
    }

    private static void lockOutOtherStations(Connection connection, Dialect dialect) throws SQLException {
        if (dialect.migrationLock() != null) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(dialect.migrationLock());
            }
        }
    }

    private int migrate(Connection connection, Dialect dialect) throws SQLException {
        Map<Integer, String> applied = appliedChecksums(connection);
        int newest = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (newest > latest()) {
            throw new IllegalStateException("the records database is at schema version " + newest
                    + ", newer than this engine knows (" + latest() + "): an engine of a newer release wrote it;"
                    + " update this station's engine");
        }
        int version = newest;
        for (Script script : scripts) {
            String text = read(script);
            String checksum = checksum(text);
            String before = applied.get(script.version());
            if (before != null) {
                if (!before.equals(checksum)) {
                    throw new IllegalStateException("schema version " + script.version() + " (" + script.resource()
                            + ") was applied with checksum " + before + ", but this engine carries " + checksum
                            + ": a released script was changed; restore it and add the change as a new version");
                }
                continue;
            }
            for (String sql : statements(dialect.typed(text))) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + VERSION_TABLE
                    + " (version, description, script, checksum, applied_at, applied_by) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setInt(1, script.version());
                insert.setString(2, script.description());
                insert.setString(3, script.resource());
                insert.setString(4, checksum);
                insert.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
                insert.setString(6, appliedBy);
                insert.executeUpdate();
            }
            version = script.version();
            LOG.info("records database: applied schema version {} ({})", script.version(), script.description());
        }
        return version;
    }

    /** The version the database is at, 0 for one never migrated. */
    public static int currentVersion(Database database) throws SQLException {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM " + VERSION_TABLE)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static Map<Integer, String> appliedChecksums(Connection connection) throws SQLException {
        Map<Integer, String> applied = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, checksum FROM " + VERSION_TABLE)) {
            while (rows.next()) {
                applied.put(rows.getInt(1), rows.getString(2));
            }
        }
        return applied;
    }

    /**
     * The script's statements: each ends with a semicolon at the end of a line (our scripts' rule,
     * which keeps semicolons out of the middle of statements); comment lines are dropped.
     */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("a migration script ends without a semicolon: " + current.toString().strip());
        }
        return statements;
    }

    private String read(Script script) {
        try (InputStream in = Migrations.class.getResourceAsStream(script.resource())) {
            if (in == null) {
                throw new IllegalStateException("migration script " + script.resource() + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration script " + script.resource(), e);
        }
    }

    static String checksum(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
