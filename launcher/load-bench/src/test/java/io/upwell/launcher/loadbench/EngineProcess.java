package io.upwell.launcher.loadbench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged engine as a process of its own, in a fresh working directory (so a fresh data
 * directory), with its shell on a pipe and HTTP on a free loopback port: what an integrator runs.
 */
final class EngineProcess implements AutoCloseable {
    static final String USER = "bench";
    static final String PASSWORD = "bench-password-1234";
    private static final Duration START_BOUND = Duration.ofSeconds(120);

    private final Process process;
    private final OutputStream shell;
    final Path directory;
    final URI base;

    private EngineProcess(Process process, Path directory, URI base) {
        this.process = process;
        this.shell = process.getOutputStream();
        this.directory = directory;
        this.base = base;
    }

    static Path jar() {
        Path jar = Path.of("launcher", "target", "upwell.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn -B -q package -DskipTests)");
        }
        return jar;
    }

    /** Adds the benchmark's therapist, then starts the engine's shell serving HTTP, and waits until it answers. */
    static EngineProcess start() throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("upwell-loadbench-");
        addUser(directory, "bench-admin", "admin"); // the first user must be an admin
        addUser(directory, USER, "therapist");
        int port = freePort();
        Process engine = new ProcessBuilder(List.of(java(), "-jar", jar().toString(), "--http-port",
                Integer.toString(port))).directory(directory.toFile())
                .redirectOutput(directory.resolve("engine.out").toFile())
                .redirectError(directory.resolve("engine.err").toFile()).start();
        EngineProcess started = new EngineProcess(engine, directory, URI.create("http://127.0.0.1:" + port + "/"));
        started.awaitHttp();
        return started;
    }

    private static void addUser(Path directory, String name, String role) throws IOException, InterruptedException {
        Path log = directory.resolve("users-" + name + ".log");
        Process users = new ProcessBuilder(List.of(java(), "-jar", jar().toString(), "users", "add", name, "--role",
                role)).directory(directory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (OutputStream in = users.getOutputStream()) {
            in.write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (!users.waitFor(START_BOUND.toSeconds(), TimeUnit.SECONDS) || users.exitValue() != 0) {
            throw new IllegalStateException("users add " + name + " failed: " + Files.readString(log));
        }
    }

    private void awaitHttp() throws InterruptedException, IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + START_BOUND.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the engine exited: " + Files.readString(directory.resolve("engine.err")));
            }
            try {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(base.resolve("api/setup"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200); // polling a process that starts: no test timing depends on it
        }
        throw new IllegalStateException("the engine did not answer HTTP within " + START_BOUND);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Leaves the shell (which stops the engine in order) and waits for the process. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            shell.write("exit\n".getBytes(StandardCharsets.UTF_8));
            shell.flush();
            shell.close();
        } catch (IOException gone) {
            // the process has already ended
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
