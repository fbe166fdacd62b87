package io.upwell.engine.access.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The access layer's configuration (PID {@value #PID}); every value is checked when it arrives
 * ({@link AccessSettings}), since Metatype's ranges are not enforced.
 */
@ObjectClassDefinition(name = "Upwell access control",
        description = "Login, sessions and roles of the engine's HTTP surface (docs/access.md)")
@interface AccessConfig {

    String PID = "io.upwell.access";

    @AttributeDefinition(name = "Open reading",
            description = "Let clients that are not logged in read (GET and HEAD) as viewer. Off by default.")
    boolean anonymousViewer() default false;

    @AttributeDefinition(name = "Idle timeout (minutes)",
            description = "A login ends when it has not been used for this long (1 to 1440).")
    int sessionIdleMinutes() default 30;

    @AttributeDefinition(name = "Lifetime (hours)",
            description = "A login ends this long after it began, however much it is used (1 to 168).")
    int sessionLifetimeHours() default 12;

    @AttributeDefinition(name = "Minimum password length",
            description = "Passwords shorter than this are refused (8 to 1024).")
    int passwordMinimumLength() default 12;

    @AttributeDefinition(name = "PBKDF2 iterations",
            description = "Iterations of PBKDF2WithHmacSHA256 for passwords set from now on (at least 1000;"
                    + " OWASP recommends 600000).")
    int passwordIterations() default PasswordHasher.RECOMMENDED_ITERATIONS;

    @AttributeDefinition(name = "Failures before back-off",
            description = "Failed logins in a row for one user name or address before it is locked out (1 to 100).")
    int loginFreeFailures() default 5;

    @AttributeDefinition(name = "First lock-out (seconds)",
            description = "The first lock-out; each further failure doubles it (1 to 3600).")
    int loginBackoffSeconds() default 1;

    @AttributeDefinition(name = "Longest lock-out (seconds)",
            description = "The lock-out never grows beyond this (1 to 86400, at least the first lock-out).")
    int loginBackoffCapSeconds() default 900;

    @AttributeDefinition(name = "Login body limit (bytes)",
            description = "Larger bodies of login, setup and user requests are refused with 413 (256 to 65536).")
    int requestBodyLimit() default 8192;

    @AttributeDefinition(name = "Users file",
            description = "Where the users are kept; empty: users.json in the engine's data directory.")
    String usersFile() default "";
}
