package io.upwell.launcher.app.internal;

import io.upwell.engine.access.UserAdministration;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** {@code java -jar upwell.jar users ...} and the shell's {@code users}: where {@link UsersCommand} gets its service and passwords. */
final class UsersCommands {

    static final Duration ACCESS_BOUND = Duration.ofSeconds(30);

    private UsersCommands() {
    }

    /** From the command line: once the access bundle serves the users. */
    static int run(org.osgi.framework.BundleContext context, List<String> words, InputStream in)
            throws NotReadyException, InterruptedException {
        try (TrackedService<UserAdministration> users = TrackedService.await(context, UserAdministration.class, "",
                ACCESS_BOUND, "the user administration is not running; is the bundle io.upwell.engine.access active?")) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new UsersCommand(users.service(), passwords(System.console(), lines), System.out,
                    System.err, "upwell: users: ", "command line (user " + System.getProperty("user.name") + ")")
                    .run(words);
        }
    }

    /**
     * The console without echo when there is one; otherwise one line of {@code lines} for the first
     * question and none for the repetition (a script pipes the password in once).
     */
    static UsersCommand.Passwords passwords(Console console, BufferedReader lines) {
        if (console != null) {
            return prompt -> console.readPassword("%s", prompt);
        }
        boolean[] asked = new boolean[1];
        return prompt -> {
            if (asked[0]) {
                return null;
            }
            asked[0] = true;
            String line = lines.readLine();
            return line == null ? null : line.toCharArray();
        };
    }

    /** The users service when it runs, for the shell. */
    static java.util.Optional<UserAdministration> service(org.osgi.framework.BundleContext context) {
        org.osgi.framework.ServiceReference<UserAdministration> reference =
                context.getServiceReference(UserAdministration.class);
        return reference == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(context.getService(reference));
    }

}
