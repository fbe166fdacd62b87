package io.upwell.engine.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The one-time code that lets the first administrator be created over HTTP: 12 characters from an
 * alphabet without look-alikes (60 random bits), shown as {@code XXXX-XXXX-XXXX}. Made when first
 * asked for while no user exists, kept in memory only, forgotten once a user exists.
 */
final class SetupCode {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 12;

    private final SecureRandom random;
    private String code;

    SetupCode(SecureRandom random) {
        this.random = random;
    }

    /** The code, made now (and handed to {@code announce}) if there is none. */
    synchronized String current(Consumer<String> announce) {
        if (code == null) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < LENGTH; i++) {
                if (i > 0 && i % 4 == 0) {
                    text.append('-');
                }
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            code = text.toString();
            announce.accept(code);
        }
        return code;
    }

    synchronized void forget() {
        code = null;
    }

    /** Whether {@code given} is {@code expected}, ignoring case, spaces and dashes; in constant time. */
    static boolean matches(String expected, String given) {
        if (given == null) {
            return false;
        }
        byte[] a = normal(expected).getBytes(StandardCharsets.UTF_8);
        byte[] b = normal(given).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(a, b);
    }

    private static String normal(String code) {
        return code.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    }
}
