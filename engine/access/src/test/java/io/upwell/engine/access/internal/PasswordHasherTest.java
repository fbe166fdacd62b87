package io.upwell.engine.access.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("SR-18")
class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.MINIMUM_ITERATIONS, new SecureRandom());

    @Test
    void aHashVerifiesItsPasswordAndNoOther() {
        String hash = hasher.hash("correct horse battery".toCharArray());
        assertTrue(hasher.verify("correct horse battery".toCharArray(), hash));
        assertFalse(hasher.verify("correct horse batterY".toCharArray(), hash));
        assertFalse(hasher.verify("".toCharArray(), hash));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeBecauseOfItsSalt() {
        String first = hasher.hash("same password".toCharArray());
        String second = hasher.hash("same password".toCharArray());
        assertNotEquals(first, second);
        assertTrue(hasher.verify("same password".toCharArray(), second));
    }

    @Test
    void theHashNamesItsAlgorithmAndIterationsAndHidesThePassword() {
        String hash = hasher.hash("plain text here".toCharArray());
        String[] parts = hash.split(":");
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals(String.valueOf(PasswordHasher.MINIMUM_ITERATIONS), parts[1]);
        assertFalse(hash.contains("plain text here"));
    }

    @Test
    void aHashMadeWithOtherIterationsStillVerifies() {
        String older = new PasswordHasher(2_000, new SecureRandom()).hash("kept password".toCharArray());
        assertTrue(hasher.verify("kept password".toCharArray(), older));
    }

    @Test
    void theDefaultIterationCountIsOwaspsFigure() {
        assertEquals(600_000, PasswordHasher.RECOMMENDED_ITERATIONS);
        assertEquals("600000", new PasswordHasher(PasswordHasher.RECOMMENDED_ITERATIONS, new SecureRandom())
                .hash("x".repeat(12).toCharArray()).split(":")[1]);
    }

    @Test
    void malformedHashesAreNamed() {
        assertEquals("a password hash must read pbkdf2-sha256:<iterations>:<salt>:<key>",
                assertThrows(IllegalArgumentException.class, () -> PasswordHasher.check("md5:abc")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PasswordHasher.check("pbkdf2-sha256:ten:AAAA:AAAA")).getMessage().contains("'ten' is not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PasswordHasher.check("pbkdf2-sha256:10:AAAAAAAAAAAAAAAAAAAAAA==:AAAA")).getMessage()
                .contains("below"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PasswordHasher.check("pbkdf2-sha256:1000:!!:AAAA")).getMessage().contains("Base64"));
    }

    @Test
    void tooFewIterationsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(999, new SecureRandom()));
    }
}
