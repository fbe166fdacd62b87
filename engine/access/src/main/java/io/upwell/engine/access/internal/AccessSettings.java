package io.upwell.engine.access.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;

/** The configuration, checked: every value within its range, or refused naming it. */
record AccessSettings(boolean anonymousViewer, Duration sessionIdle, Duration sessionLifetime,
        int passwordMinimumLength, int passwordIterations, LoginThrottle.Settings throttle, int requestBodyLimit,
        Path usersFile) {

    static final String USERS_FILE_NAME = "users.json";

    /**
     * @param dataDirectory the engine's data directory, where {@code users.json} is unless configured otherwise
     * @throws IllegalArgumentException naming the first setting out of range
     */
    static AccessSettings from(AccessConfig config, Path dataDirectory) {
        int idle = within("sessionIdleMinutes", config.sessionIdleMinutes(), 1, 1440);
        int lifetime = within("sessionLifetimeHours", config.sessionLifetimeHours(), 1, 168);
        int minimum = within("passwordMinimumLength", config.passwordMinimumLength(), PasswordRules.LOWEST_MINIMUM,
                PasswordRules.MAX_LENGTH);
        int iterations = within("passwordIterations", config.passwordIterations(), PasswordHasher.MINIMUM_ITERATIONS,
                100_000_000);
        int free = within("loginFreeFailures", config.loginFreeFailures(), 1, 100);
        int base = within("loginBackoffSeconds", config.loginBackoffSeconds(), 1, 3600);
        int cap = within("loginBackoffCapSeconds", config.loginBackoffCapSeconds(), base, 86_400);
        int body = within("requestBodyLimit", config.requestBodyLimit(), 256, 65_536);
        Path users;
        String configured = config.usersFile() == null ? "" : config.usersFile().trim();
        try {
            users = configured.isEmpty() ? dataDirectory.resolve(USERS_FILE_NAME) : Path.of(configured);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("usersFile '" + configured + "' is not a path: " + e.getMessage());
        }
        return new AccessSettings(config.anonymousViewer(), Duration.ofMinutes(idle), Duration.ofHours(lifetime),
                minimum, iterations, new LoginThrottle.Settings(free, Duration.ofSeconds(base), Duration.ofSeconds(cap)),
                body, users.toAbsolutePath());
    }

    private static int within(String name, int value, int least, int most) {
        if (value < least || value > most) {
            throw new IllegalArgumentException(name + " " + value + " is outside " + least + ".." + most);
        }
        return value;
    }
}
