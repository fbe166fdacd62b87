package io.upwell.engine.records.internal;

import io.upwell.engine.records.internal.db.DatabaseSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * A real PostgreSQL server of the tests' own: Debian's postgresql package's initdb and pg_ctl make a
 * cluster in a temporary directory, listening on a free port of the loopback only, with password
 * authentication for the user {@value #USER}. Run as root (as CI does), the server runs as the
 * package's {@code postgres} user, because PostgreSQL refuses to run as root.
 */
final class PostgresServer implements TestDatabase, AutoCloseable {
    static final String USER = "upwell";
    static final String PASSWORD = "records-test-password";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path binaries;
    private final Path directory;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path binaries, Path directory, int port, boolean asPostgresUser) {
        this.binaries = binaries;
        this.directory = directory;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /**
     * Makes a cluster and starts it.
     *
     * @throws IllegalStateException naming the package to install when PostgreSQL is not there
     */
    static PostgresServer start() throws Exception {
        Path binaries = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path directory = Files.createTempDirectory("upwell-pg-");
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path passwordFile = directory.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-r--r--"));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        PostgresServer server = new PostgresServer(binaries, directory, port, root);
        server.run("initdb", "-D", directory.resolve("data").toString(), "-U", USER, "--pwfile=" + passwordFile,
                "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync");
        server.startServer();
        return server;
    }

    void startServer() throws Exception {
        run("pg_ctl", "-D", directory.resolve("data").toString(), "-l", directory.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -F", "start");
    }

    /** Stops the server at once, as a crash or a pulled cable would look to a client. */
    void stopServer() throws Exception {
        run("pg_ctl", "-D", directory.resolve("data").toString(), "-w", "-m", "immediate", "stop");
    }

    @Override
    public void close() throws Exception {
        try {
            run("pg_ctl", "-D", directory.resolve("data").toString(), "-w", "-m", "fast", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Override
    public DataSourceFactory driver() {
        return new org.postgresql.osgi.PGDataSourceFactory();
    }

    @Override
    public String driverClass() {
        return "org.postgresql.Driver";
    }

    @Override
    public DatabaseSettings freshDatabase(Path scratch) throws Exception {
        String name = "records_" + DATABASES.incrementAndGet();
        Properties login = new Properties();
        login.setProperty("user", USER);
        login.setProperty("password", PASSWORD);
        try (Connection connection = new org.postgresql.Driver().connect(url("postgres"), login);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new DatabaseSettings(url(name), USER, PASSWORD, 4);
    }

    @Override
    public DatabaseSettings withWrongPassword(DatabaseSettings database) {
        return new DatabaseSettings(database.url(), database.user(), "not-the-password", database.poolSize());
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void run(String program, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(binaries.resolve(program).toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(program + " did not finish within 120 s: " + output);
        }
        if (process.exitValue() != 0) {
            String log = "";
            Path serverLog = directory.resolve("server.log");
            if (Files.exists(serverLog)) {
                log = "; server log: " + Files.readString(serverLog);
            }
            throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
                    + output + log);
        }
    }

    /** The newest installed server's binaries. */
    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                Path newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
                        .orElse(null);
                if (newest != null) {
                    return newest.resolve("bin");
                }
            }
        }
        throw new IllegalStateException("the PostgreSQL tests need a PostgreSQL server: install Debian's package"
                + " postgresql (apt-get install postgresql); none found under " + root);
    }
}
