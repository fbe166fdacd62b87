package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("SR-18")
class HttpSettingsTest {

    private static HttpSettings.Decision decide(List<String> arguments, Map<String, String> system,
            Map<String, String> environment) {
        return HttpSettings.decide(arguments, system::get, environment::get, host -> 45678);
    }

    private static HttpSettings.Decision decide(String... arguments) {
        return decide(List.of(arguments), Map.of(), Map.of());
    }

    @Test
    void theShellServesOnLoopbackPort8080ByDefault() {
        HttpSettings.Decision shell = decide();
        assertTrue(shell.serving());
        assertEquals("127.0.0.1", shell.properties().get(HttpSettings.HOST));
        assertEquals("8080", shell.properties().get(HttpSettings.HTTP_PORT));
        assertEquals("false", shell.properties().get(HttpSettings.HTTPS_ENABLE));
        assertEquals("http://127.0.0.1:8080/", shell.url());
    }

    @Test
    void otherCommandsServeNothingUnlessAsked() {
        HttpSettings.Decision demo = decide("demo", "--virtual");
        assertFalse(demo.serving());
        assertEquals("false", demo.properties().get(HttpSettings.HTTP_ENABLE));
        assertEquals(List.of("demo", "--virtual"), demo.command());
        HttpSettings.Decision asked = decide("--http-port", "9090", "records", "list");
        assertTrue(asked.serving());
        assertEquals("9090", asked.properties().get(HttpSettings.HTTP_PORT));
        assertEquals(List.of("records", "list"), asked.command());
    }

    @Test
    void portZeroPicksAFreePortAndNoHttpTurnsTheShellsOff() {
        assertEquals("45678", decide("--http-port", "0").properties().get(HttpSettings.HTTP_PORT));
        assertFalse(decide("--no-http").serving());
    }

    @Test
    void aDashDPropertyIsKeptAsTheDefault() {
        HttpSettings.Decision decision = decide(List.of(), Map.of(HttpSettings.HTTP_PORT, "7070",
                HttpSettings.HOST, "::1"), Map.of());
        assertEquals("7070", decision.properties().get(HttpSettings.HTTP_PORT));
        assertEquals("http://[::1]:7070/", decision.url());
    }

    @Test
    void wrongOptionsAreNamed() {
        assertEquals("--http-port eighty is not a port (0 to 65535; 0 picks a free one)",
                decide("--http-port", "eighty").error());
        assertEquals("--http-port needs a value", decide("--http-port").error());
        assertEquals("--https-port needs --keystore FILE (the server's key and certificate)",
                decide("--https-port", "8443").error());
        assertTrue(decide("--no-http", "--http-port", "1").error().contains("cannot be combined"));
        assertFalse(decide("--http-port", "eighty").serving());
    }

    @Test
    void aKeystoreTurnsHttpsOnAndPlainHttpOffWithThePasswordFromTheEnvironment(@TempDir Path directory)
            throws Exception {
        Path keystore = Files.writeString(directory.resolve("server.p12"), "not read here");
        HttpSettings.Decision missing = decide(List.of("--keystore", keystore.toString()), Map.of(), Map.of());
        assertTrue(missing.error().contains(HttpSettings.KEYSTORE_PASSWORD_VARIABLE), missing.error());
        HttpSettings.Decision tls = decide(List.of("--keystore", keystore.toString()), Map.of(),
                Map.of(HttpSettings.KEYSTORE_PASSWORD_VARIABLE, "secret"));
        assertNull(tls.error());
        assertEquals("true", tls.properties().get(HttpSettings.HTTPS_ENABLE));
        assertEquals("false", tls.properties().get(HttpSettings.HTTP_ENABLE));
        assertEquals("8443", tls.properties().get(HttpSettings.HTTPS_PORT));
        assertEquals("PKCS12", tls.properties().get(HttpSettings.KEYSTORE_TYPE));
        assertEquals("secret", tls.properties().get(HttpSettings.KEY_PASSWORD));
        assertEquals("https://127.0.0.1:8443/", tls.url());
        HttpSettings.Decision both = decide(List.of("--http-port", "8080", "--keystore", keystore.toString()), Map.of(),
                Map.of(HttpSettings.KEYSTORE_PASSWORD_VARIABLE, "secret"));
        assertEquals("true", both.properties().get(HttpSettings.HTTP_ENABLE));
        assertTrue(decide(List.of("--keystore", directory.resolve("none.p12").toString()), Map.of(), Map.of())
                .error().contains("is not a readable file"));
    }
}
