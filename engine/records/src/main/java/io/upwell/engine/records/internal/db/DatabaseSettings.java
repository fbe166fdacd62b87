package io.upwell.engine.records.internal.db;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where the records go and how to log in, checked.
 *
 * @param url      the JDBC URL
 * @param user     the database user; empty for none
 * @param password the password; empty for none; never shown (see {@link #toString()})
 * @param poolSize the most connections open at once
 */
public record DatabaseSettings(String url, String user, String password, int poolSize) {

    /** The embedded database's files, inside the engine's data directory. */
    public static final String H2_DIRECTORY = "records";
    static final String H2_NAME = "upwell-records";
    /** H2 in PostgreSQL mode, so that the one set of SQL serves both; the file lock keeps a second process out. */
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    public static final int MAX_POOL_SIZE = 32;

    private static final Pattern SECRET_IN_URL = Pattern.compile("(?i)(password|sslpassword)=[^&;]*");

    public DatabaseSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url: must be set");
        }
        url = url.strip();
        if (Dialect.of(url) == null) {
            throw new IllegalArgumentException("url: must start with jdbc:postgresql: (a PostgreSQL server) or jdbc:h2:"
                    + " (an embedded H2 file), got '" + redacted(url) + "'");
        }
        user = user == null ? "" : user.strip();
        password = password == null ? "" : password;
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("poolSize: must be 1 to " + MAX_POOL_SIZE + ", got " + poolSize);
        }
    }

    /** The embedded H2 database in the engine's data directory. */
    public static DatabaseSettings embedded(Path dataDirectory, int poolSize) {
        Path file = dataDirectory.toAbsolutePath().resolve(H2_DIRECTORY).resolve(H2_NAME);
        return new DatabaseSettings("jdbc:h2:file:" + file + H2_OPTIONS, "", "", poolSize);
    }

    public Dialect dialect() {
        return Dialect.of(url);
    }

    /** The URL without any password it may carry, for logs and status lines. */
    public String shownUrl() {
        return redacted(url);
    }

    static String redacted(String url) {
        return SECRET_IN_URL.matcher(url).replaceAll("$1=***");
    }

    /** Names the database and the user, never the password. */
    @Override
    public String toString() {
        return shownUrl() + (user.isEmpty() ? "" : " as " + user);
    }
}
