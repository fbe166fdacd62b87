package io.upwell.engine.access.internal;

import io.upwell.engine.access.AccessNames;
import java.util.regex.Pattern;

/** What a user name may be: letters, digits and {@code . _ @ -}, 1 to 64 characters, not the reserved one. */
final class UserNames {

    static final int MAX_LENGTH = 64;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}._@-]+");

    private UserNames() {
    }

    /** @throws IllegalArgumentException saying what is wrong with {@code name} */
    static void check(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a user name is required");
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException("a user name has at most " + MAX_LENGTH + " characters");
        }
        if (!ALLOWED.matcher(name).matches()) {
            throw new IllegalArgumentException("user name '" + name
                    + "' may hold only letters, digits and the characters . _ @ -");
        }
        if (name.equalsIgnoreCase(AccessNames.ANONYMOUS_USER)) {
            throw new IllegalArgumentException("'" + AccessNames.ANONYMOUS_USER
                    + "' is reserved for unauthenticated readers");
        }
    }
}
