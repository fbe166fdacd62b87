package io.upwell.launcher.app.internal;

import io.upwell.engine.access.AccessException;
import io.upwell.engine.access.Role;
import io.upwell.engine.access.UserAccount;
import io.upwell.engine.access.UserAdministration;
import java.io.IOException;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * {@code users list | users add NAME --role ROLE | users remove NAME | users passwd NAME |
 * users role NAME ROLE}: the people who may log in to the HTTP surface, for those without a browser
 * (from the command line, {@code java -jar upwell.jar users ...}, and from the shell). Passwords are
 * read from the console without echo, or as one line from standard input when it is not a terminal.
 */
final class UsersCommand {

    static final String USAGE = "users list | users add NAME --role admin|therapist|viewer | users remove NAME"
            + " | users passwd NAME | users role NAME ROLE";

    /** Where a password comes from. */
    @FunctionalInterface
    interface Passwords {
        /** The password typed after {@code prompt}; null at end of input. */
        char[] read(String prompt) throws IOException;
    }

    private final UserAdministration users;
    private final Passwords passwords;
    private final PrintStream out;
    private final PrintStream err;
    private final String prefix;
    private final String by;

    /**
     * @param prefix what error lines begin with ({@code "upwell: users: "} or {@code "users: "})
     * @param by who makes the changes, for the log
     */
    UsersCommand(UserAdministration users, Passwords passwords, PrintStream out, PrintStream err, String prefix,
            String by) {
        this.users = users;
        this.passwords = passwords;
        this.out = out;
        this.err = err;
        this.prefix = prefix;
        this.by = by;
    }

    /** Runs {@code words}; returns the exit code (0 done, 1 refused, 2 usage). */
    int run(List<String> words) {
        if (words.isEmpty()) {
            return usage("name what to do");
        }
        try {
            switch (words.get(0)) {
                case "list":
                    return words.size() == 1 ? list() : usage("list takes no arguments");
                case "add":
                    return add(words.subList(1, words.size()));
                case "remove":
                    if (words.size() != 2) {
                        return usage("remove NAME");
                    }
                    users.remove(words.get(1), by);
                    out.println("user " + words.get(1) + " removed; their logins ended");
                    return ExitCodes.OK;
                case "passwd":
                    if (words.size() != 2) {
                        return usage("passwd NAME");
                    }
                    char[] password = newPassword(words.get(1));
                    if (password == null) {
                        return ExitCodes.SESSION_FAILED;
                    }
                    users.changePassword(words.get(1), password, by);
                    out.println("password of " + words.get(1) + " changed; their logins ended");
                    return ExitCodes.OK;
                case "role":
                    if (words.size() != 3) {
                        return usage("role NAME ROLE");
                    }
                    Role role = Role.parse(words.get(2));
                    users.changeRole(words.get(1), role, by);
                    out.println("user " + words.get(1) + " is now " + role.id() + "; their logins ended");
                    return ExitCodes.OK;
                default:
                    return usage("unknown word '" + words.get(0) + "'");
            }
        } catch (AccessException | IllegalArgumentException e) {
            err.println(prefix + e.getMessage());
            return ExitCodes.SESSION_FAILED;
        } catch (IOException e) {
            err.println(prefix + "cannot read the password: " + e.getMessage());
            return ExitCodes.SESSION_FAILED;
        }
    }

    private int list() throws AccessException {
        List<UserAccount> accounts = users.users();
        if (accounts.isEmpty()) {
            out.println("no users yet; add the first admin with: users add NAME --role admin");
            return ExitCodes.OK;
        }
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
        for (UserAccount account : accounts) {
            out.println(String.format("%-24s %-10s added %s", account.name(), account.role().id(),
                    format.format(account.created())));
        }
        return ExitCodes.OK;
    }

    private int add(List<String> arguments) throws AccessException, IOException {
        if (arguments.size() != 3 || !arguments.get(1).equals("--role")) {
            return usage("add NAME --role admin|therapist|viewer");
        }
        String name = arguments.get(0);
        Role role = Role.parse(arguments.get(2));
        char[] password = newPassword(name);
        if (password == null) {
            return ExitCodes.SESSION_FAILED;
        }
        UserAccount account = users.add(name, role, password, by);
        out.println("user " + account.name() + " added as " + account.role().id());
        return ExitCodes.OK;
    }

    /** The new password, asked twice; null (with the reason printed) when none was given or they differ. */
    private char[] newPassword(String name) throws IOException {
        char[] first = passwords.read("password for " + name + " (at least " + users.minimumPasswordLength()
                + " characters): ");
        if (first == null || first.length == 0) {
            err.println(prefix + "no password given");
            return null;
        }
        char[] second = passwords.read("the same again: ");
        if (second == null) {
            // one line on standard input that is not a terminal: the password once is enough
            return first;
        }
        boolean same = Arrays.equals(first, second);
        Arrays.fill(second, '\0');
        if (!same) {
            Arrays.fill(first, '\0');
            err.println(prefix + "the two passwords differ; nothing changed");
            return null;
        }
        return first;
    }

    private int usage(String problem) {
        err.println(prefix + problem + "; usage: " + USAGE);
        return ExitCodes.USAGE;
    }
}
