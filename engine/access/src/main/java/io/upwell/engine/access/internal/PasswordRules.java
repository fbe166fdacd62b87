package io.upwell.engine.access.internal;

/** How long a password must be, and may be. */
final class PasswordRules {

    /** Longer passwords are refused: hashing them costs the same, but nobody needs more. */
    static final int MAX_LENGTH = 1024;
    /** Below this no setting is accepted. */
    static final int LOWEST_MINIMUM = 8;

    private final int minimumLength;

    PasswordRules(int minimumLength) {
        if (minimumLength < LOWEST_MINIMUM || minimumLength > MAX_LENGTH) {
            throw new IllegalArgumentException("passwordMinimumLength " + minimumLength + " is outside "
                    + LOWEST_MINIMUM + ".." + MAX_LENGTH);
        }
        this.minimumLength = minimumLength;
    }

    int minimumLength() {
        return minimumLength;
    }

    /** @throws IllegalArgumentException saying how long the password must be */
    void check(char[] password) {
        int length = password == null ? 0 : Character.codePointCount(password, 0, password.length);
        if (length < minimumLength) {
            throw new IllegalArgumentException("the password is too short: " + length + " characters, at least "
                    + minimumLength + " are required");
        }
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("the password is too long: at most " + MAX_LENGTH + " characters");
        }
    }
}
