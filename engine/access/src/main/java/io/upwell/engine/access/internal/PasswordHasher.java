package io.upwell.engine.access.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes with the JDK's PBKDF2WithHmacSHA256: a random 16-byte salt per password and a
 * 256-bit derived key, stored as {@code pbkdf2-sha256:<iterations>:<salt>:<key>} (Base64). The
 * iteration count is kept in each hash, so a higher setting applies to passwords set from then on
 * while the older hashes still verify. Comparison takes the same time whatever bytes differ.
 */
final class PasswordHasher {

    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    static final String PREFIX = "pbkdf2-sha256";
    /** OWASP's Password Storage Cheat Sheet figure for PBKDF2-HMAC-SHA256. */
    static final int RECOMMENDED_ITERATIONS = 600_000;
    /** Below this a setting is refused: a hash this cheap protects little. */
    static final int MINIMUM_ITERATIONS = 1_000;
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;

    private final int iterations;
    private final SecureRandom random;

    PasswordHasher(int iterations, SecureRandom random) {
        if (iterations < MINIMUM_ITERATIONS) {
            throw new IllegalArgumentException("passwordIterations " + iterations + " is below " + MINIMUM_ITERATIONS);
        }
        this.iterations = iterations;
        this.random = random;
    }

    int iterations() {
        return iterations;
    }

    /** A new hash of {@code password} with a fresh salt. */
    String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] key = derive(password, salt, iterations);
        Base64.Encoder base64 = Base64.getEncoder();
        return PREFIX + ":" + iterations + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(key);
    }

    /**
     * Whether {@code password} is the one {@code stored} was made from.
     *
     * @throws IllegalArgumentException when {@code stored} is not a hash of this form (see {@link #check})
     */
    boolean verify(char[] password, String stored) {
        Parsed parsed = parse(stored);
        byte[] key = derive(password, parsed.salt, parsed.iterations);
        try {
            return MessageDigest.isEqual(key, parsed.key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Checks that {@code stored} is a hash this class can verify.
     *
     * @throws IllegalArgumentException saying which part is wrong
     */
    static void check(String stored) {
        parse(stored);
    }

    private static Parsed parse(String stored) {
        if (stored == null) {
            throw new IllegalArgumentException("no password hash");
        }
        String[] parts = stored.split(":", -1);
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            throw new IllegalArgumentException("a password hash must read " + PREFIX + ":<iterations>:<salt>:<key>");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the password hash's iteration count '" + parts[1] + "' is not a number");
        }
        if (iterations < MINIMUM_ITERATIONS) {
            throw new IllegalArgumentException("the password hash's iteration count " + iterations + " is below "
                    + MINIMUM_ITERATIONS);
        }
        byte[] salt;
        byte[] key;
        try {
            salt = Base64.getDecoder().decode(parts[2]);
            key = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the password hash's salt or key is not Base64");
        }
        if (salt.length < SALT_BYTES || key.length != KEY_BITS / 8) {
            throw new IllegalArgumentException("the password hash's salt or key has the wrong length");
        }
        return new Parsed(iterations, salt, key);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        KeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's " + ALGORITHM + " is not available: " + e.getMessage(), e);
        } finally {
            ((PBEKeySpec) spec).clearPassword();
        }
    }

    private record Parsed(int iterations, byte[] salt, byte[] key) {
    }
}
