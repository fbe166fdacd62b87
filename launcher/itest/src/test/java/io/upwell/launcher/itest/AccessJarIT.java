package io.upwell.launcher.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SR-18 on the executable jar as people run it: the shell serves the console on the loopback address
 * only, the first administrator is made with the {@code users} command (shell and command line),
 * HTTPS with a keystore made by {@code keytool} here, commands other than the shell serve nothing
 * unless asked, and no remote shell (telnet, ssh) is in the runtime.
 */
@Tag("SR-18")
class AccessJarIT {

    private static final Map<String, String> C_LOCALE = Map.of("LANG", "C", "LC_ALL", "C");
    private static final Pattern CONSOLE_LINE = Pattern.compile("Console: (https?)://127\\.0\\.0\\.1:(\\d+)/console/");
    private static final String ADMIN_PASSWORD = "ana's password";

    @TempDir
    Path directory;

    @Test
    void theShellServesOnLoopbackOnlyAndItsUsersCommandMakesTheFirstAdmin() throws Exception {
        try (LaunchedJar shell = LaunchedJar.start(directory, C_LOCALE)) { // LaunchedJar adds --http-port 0
            int port = consolePort(shell, "http");
            shell.awaitOutput("the setup code", "Setup code ");
            HttpClient client = HttpClient.newHttpClient();
            assertTrue(get(client, "http://127.0.0.1:" + port + "/api/setup", null).body().contains("\"setupNeeded\":true"));
            assertEquals(401, get(client, "http://127.0.0.1:" + port + "/api/me", basic("admin", "admin")).statusCode());
            shell.type("users add ana --role admin");
            shell.type(ADMIN_PASSWORD); // standard input is no terminal: the password is the next line
            shell.awaitOutput("the user added", "user ana added as admin");
            HttpResponse<String> me = get(client, "http://127.0.0.1:" + port + "/api/me", basic("ana", ADMIN_PASSWORD));
            assertEquals(200, me.statusCode(), me.body());
            assertTrue(me.body().contains("\"role\":\"admin\""), me.body());
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(shell.dataDirectory().resolve("users.json"))));
            // 127.0.0.2 is loopback as well: only a server bound to 127.0.0.1 alone refuses it
            try (Socket socket = new Socket()) {
                assertThrows(ConnectException.class, () -> socket.connect(new InetSocketAddress("127.0.0.2", port), 2000));
            }
            shell.endInput();
            assertEquals(0, shell.awaitExit(), shell.stderr());
            assertFalse(Files.readString(shell.dataDirectory().resolve("users.json")).contains(ADMIN_PASSWORD));
        }
    }

    @Test
    void theUsersCommandReadsThePasswordFromStandardInputAndRefusesAShortOne() throws Exception {
        try (LaunchedJar add = LaunchedJar.start(directory, C_LOCALE, "users", "add", "ana", "--role", "admin")) {
            add.type(ADMIN_PASSWORD);
            add.endInput();
            assertEquals(0, add.awaitExit(), add.stderr());
            assertTrue(add.stdout().contains("user ana added as admin"), add.stdout());
        }
        try (LaunchedJar shortOne = LaunchedJar.start(directory, C_LOCALE, "users", "add", "tom", "--role", "therapist")) {
            shortOne.type("short");
            shortOne.endInput();
            assertEquals(1, shortOne.awaitExit());
            assertTrue(shortOne.stderr().contains("upwell: users: the password is too short: 5 characters, at least 12"),
                    shortOne.stderr());
        }
        try (LaunchedJar list = LaunchedJar.start(directory, C_LOCALE, "users", "list")) {
            list.endInput();
            assertEquals(0, list.awaitExit(), list.stderr());
            assertTrue(list.stdout().matches("(?s)ana\\s+admin\\s+added .*"), list.stdout());
            assertFalse(list.stdout().contains("tom"));
        }
    }

    @Test
    void httpsWithAKeystoreServesTlsOnlyAndMarksTheCookieSecure() throws Exception {
        Path keystore = directory.resolve("upwell.p12");
        String password = "keystore secret";
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", password,
                "-alias", "upwell", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1").redirectErrorStream(true).start();
        String keytoolOutput = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), keytoolOutput);
        Map<String, String> environment = new java.util.HashMap<>(C_LOCALE);
        environment.put("UPWELL_KEYSTORE_PASSWORD", password);
        try (LaunchedJar shell = LaunchedJar.start(directory, environment, "--https-port", "0", "--keystore",
                keystore.toString())) {
            int port = consolePort(shell, "https");
            String code = shell.awaitOutputMatching("the setup code", Pattern.compile("Setup code ([A-Z0-9-]+)"));
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(keystore, password)).build();
            HttpResponse<String> setup = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/api/setup"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\",\"user\":\"ana\",\"password\":\""
                            + ADMIN_PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, setup.statusCode(), setup.body());
            String cookie = setup.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.endsWith("; Secure"), cookie);
            // plain HTTP on the TLS port gets no answer of the API: a TLS alert the client cannot read, or an error
            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            try {
                HttpResponse<String> cleartext = plain.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/setup")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertFalse(cleartext.body().contains("setupNeeded"), cleartext.body());
                assertTrue(cleartext.statusCode() >= 400, "cleartext on the TLS port: " + cleartext.statusCode());
            } catch (IOException notHttp) {
                // the server spoke TLS
            }
            shell.endInput();
            assertEquals(0, shell.awaitExit(), shell.stderr());
        }
    }

    @Test
    void aCommandOtherThanTheShellServesNothingUnlessAsked() throws Exception {
        Path quiet = Files.createDirectories(directory.resolve("quiet"));
        try (LaunchedJar run = LaunchedJar.start(quiet, C_LOCALE, "techniques")) {
            assertEquals(0, run.awaitExit(), run.stderr());
            assertFalse(run.stdout().contains("Console:"));
            assertFalse(Files.readString(run.dataDirectory().resolve("upwell.log")).contains("Started ServerConnector"));
        }
        Path asked = Files.createDirectories(directory.resolve("asked"));
        try (LaunchedJar run = LaunchedJar.start(asked, C_LOCALE, "--http-port", "0", "techniques")) {
            assertEquals(0, run.awaitExit(), run.stderr());
            String log = Files.readString(run.dataDirectory().resolve("upwell.log"));
            assertTrue(log.matches("(?s).*Started ServerConnector@\\S+\\{HTTP/1\\.1, \\(http/1\\.1\\)\\}\\{127\\.0\\.0\\.1:\\d+\\}.*"),
                    log);
        }
    }

    @Test
    void aWrongHttpOptionIsAUsageError() throws Exception {
        try (LaunchedJar run = LaunchedJar.start(directory, C_LOCALE, "--http-port", "eighty")) {
            assertEquals(2, run.awaitExit());
            assertTrue(run.stderr().contains("upwell: --http-port eighty is not a port"), run.stderr());
        }
    }

    @Test
    void noRemoteShellIsInTheRuntime() throws IOException {
        try (JarFile jar = new JarFile(LaunchedJar.jar().toFile())) {
            List<String> bundles = jar.stream().map(entry -> entry.getName()).filter(name -> name.startsWith("jar/"))
                    .collect(Collectors.toList());
            assertTrue(bundles.stream().anyMatch(name -> name.contains("org.apache.felix.gogo.shell")), bundles.toString());
            List<String> remote = bundles.stream()
                    .filter(name -> name.toLowerCase().matches(".*(telnet|shell\\.remote|remoteshell|jline|sshd|ssh).*"))
                    .collect(Collectors.toList());
            assertEquals(List.of(), remote, "remote shell bundles in the runtime");
            String manifestRunProperties;
            try (InputStream properties = jar.getInputStream(jar.getEntry("launcher.properties"))) {
                manifestRunProperties = new String(properties.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(manifestRunProperties.contains("gosh.args=--nointeractive"), manifestRunProperties);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static int consolePort(LaunchedJar shell, String scheme) {
        Matcher matcher = Pattern.compile(CONSOLE_LINE.pattern()).matcher("");
        Await.value("the shell to name its console's address", shell::stdout, text -> {
            matcher.reset(text);
            return matcher.find();
        }, text -> "\n--- stdout ---\n" + text + "\n--- stderr ---\n" + shell.stderr());
        assertEquals(scheme, matcher.group(1));
        return Integer.parseInt(matcher.group(2));
    }

    private static HttpResponse<String> get(HttpClient client, String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** TLS that trusts the certificate in {@code keystore} and nothing else. */
    private static SSLContext trusting(Path keystore, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
