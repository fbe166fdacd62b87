package io.upwell.engine.access.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.engine.access.Role;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First start: no default account; the first admin only with the one-time code, only while no user exists. */
@Tag("SR-18")
class SetupTest {

    @TempDir
    Path directory;

    private Gatekeeper gatekeeper() {
        return AccessComponent.create(new AccessSettings(false, Duration.ofMinutes(30), Duration.ofHours(12), 12,
                PasswordHasher.MINIMUM_ITERATIONS, new LoginThrottle.Settings(3, Duration.ofSeconds(1),
                        Duration.ofSeconds(60)), 1024, directory.resolve("users.json")),
                SteppingClock.atEpochDay(), new SecureRandom());
    }

    @Test
    void withNoUserThereIsACodeAndNoDefaultLogin() {
        Gatekeeper gatekeeper = gatekeeper();
        assertTrue(gatekeeper.setupNeeded());
        String code = gatekeeper.setupCode().orElseThrow();
        assertTrue(code.matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"), code);
        assertEquals(code, gatekeeper.setupCode().orElseThrow(), "the same code until it is used");
        assertEquals(401, gatekeeper.login("admin", "admin".toCharArray(), "127.0.0.1").problem().status());
    }

    @Test
    void theCodeCreatesTheFirstAdminOnceAndIsThenGone() {
        Gatekeeper gatekeeper = gatekeeper();
        String code = gatekeeper.setupCode().orElseThrow();
        Gatekeeper.Login login = gatekeeper.setup(code.toLowerCase(), "ana", "ana's password".toCharArray(), "127.0.0.1");
        assertNotNull(login.issued(), () -> String.valueOf(login.problem()));
        assertEquals(Role.ADMIN, login.issued().role());
        assertFalse(gatekeeper.setupNeeded());
        assertTrue(gatekeeper.setupCode().isEmpty());
        assertEquals(409, gatekeeper.setup(code, "eve", "eve's password!".toCharArray(), "127.0.0.1").problem().status());
    }

    @Test
    void aWrongCodeIsRefusedAndCounted() {
        Gatekeeper gatekeeper = gatekeeper();
        gatekeeper.setupCode();
        for (int i = 0; i < 3; i++) {
            assertEquals(403, gatekeeper.setup("AAAA-AAAA-AAAA", "eve", "eve's password!".toCharArray(), "10.0.0.5")
                    .problem().status());
        }
        assertEquals(429, gatekeeper.setup(gatekeeper.setupCode().orElseThrow(), "eve", "eve's password!".toCharArray(),
                "10.0.0.5").problem().status(), "locked out: the right code is not even compared");
        assertTrue(gatekeeper.setupNeeded());
    }

    @Test
    void aShortPasswordIsRefusedAndTheCodeStays() {
        Gatekeeper gatekeeper = gatekeeper();
        String code = gatekeeper.setupCode().orElseThrow();
        Problem problem = gatekeeper.setup(code, "ana", "short".toCharArray(), "127.0.0.1").problem();
        assertEquals(400, problem.status());
        assertTrue(problem.detail().contains("at least 12"), problem.detail());
        assertEquals(code, gatekeeper.setupCode().orElseThrow());
    }
}
