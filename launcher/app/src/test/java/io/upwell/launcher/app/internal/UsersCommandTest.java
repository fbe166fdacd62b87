package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.engine.access.AccessException;
import io.upwell.engine.access.Role;
import io.upwell.engine.access.UserAccount;
import io.upwell.engine.access.UserAdministration;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsersCommandTest {

    /** Keeps users in a list and the passwords it was given, as the access bundle's service would take them. */
    private static final class Users implements UserAdministration {
        final List<UserAccount> accounts = new ArrayList<>();
        final List<String> passwords = new ArrayList<>();

        @Override
        public List<UserAccount> users() {
            return accounts;
        }

        @Override
        public UserAccount add(String name, Role role, char[] password, String by) throws AccessException {
            if (password.length < 12) {
                throw new AccessException("the password is too short");
            }
            passwords.add(new String(password));
            UserAccount account = new UserAccount(name, role, Instant.parse("2026-11-24T08:00:00Z"));
            accounts.add(account);
            return account;
        }

        @Override
        public void remove(String name, String by) throws AccessException {
            if (!accounts.removeIf(account -> account.name().equals(name))) {
                throw new AccessException("there is no user '" + name + "'");
            }
        }

        @Override
        public void changePassword(String name, char[] password, String by) {
            passwords.add(new String(password));
        }

        @Override
        public void changeRole(String name, Role role, String by) {
        }

        @Override
        public int minimumPasswordLength() {
            return 12;
        }

        @Override
        public Optional<String> setupCode() {
            return Optional.empty();
        }
    }

    private final Users users = new Users();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String input, String... words) {
        UsersCommand.Passwords passwords = UsersCommands.passwords(null, new BufferedReader(new StringReader(input)));
        return new UsersCommand(users, passwords, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "users: ", "test").run(Arrays.asList(words));
    }

    @Test
    void addReadsThePasswordAsOneLineWhenInputIsNoTerminal() {
        assertEquals(0, run("a long password\nnot read\n", "add", "ana", "--role", "admin"));
        assertEquals(List.of("a long password"), users.passwords);
        assertEquals(Role.ADMIN, users.accounts.get(0).role());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("user ana added as admin"));
    }

    @Test
    void aRefusalIsOneLineAndExitCode1() {
        assertEquals(1, run("short\n", "add", "ana", "--role", "admin"));
        assertEquals("users: the password is too short\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(1, run("", "remove", "zed"));
    }

    @Test
    void wrongWordsAreUsageErrorsNamingTheRoles() {
        assertEquals(2, run("", "add", "ana"));
        assertEquals(1, run("a long password\n", "add", "ana", "--role", "boss"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("'boss' is not a role; the roles are viewer, therapist, admin"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(2, run("", "frobnicate"));
        assertEquals(2, run(""));
    }

    @Test
    void noPasswordChangesNothing() {
        assertEquals(1, run("", "add", "ana", "--role", "admin"));
        assertEquals(List.of(), users.accounts);
    }
}
