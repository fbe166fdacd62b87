package io.upwell.engine.access.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.engine.access.AccessException;
import io.upwell.engine.access.Role;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("SR-18")
class UserDirectoryTest {

    @TempDir
    Path directory;
    private UserDirectory users;

    private UserDirectory directory() {
        return new UserDirectory(new UserStore(directory.resolve("users.json")),
                new PasswordHasher(PasswordHasher.MINIMUM_ITERATIONS, new SecureRandom()), new PasswordRules(12),
                SteppingClock.atEpochDay());
    }

    @BeforeEach
    void setUp() {
        users = directory();
    }

    @Test
    void theFirstUserMustBeAnAdmin() {
        AccessException e = assertThrows(AccessException.class,
                () -> users.add("tom", Role.THERAPIST, "twelve chars!".toCharArray()));
        assertTrue(e.getMessage().startsWith("the first user must be an admin"), e.getMessage());
    }

    @Test
    void aShortPasswordIsRefusedSayingHowLongItMustBe() {
        AccessException e = assertThrows(AccessException.class,
                () -> users.add("ana", Role.ADMIN, "short".toCharArray()));
        assertEquals("the password is too short: 5 characters, at least 12 are required", e.getMessage());
    }

    @Test
    void namesAreChecked() {
        assertTrue(assertThrows(AccessException.class, () -> users.add("a b", Role.ADMIN, "twelve chars!".toCharArray()))
                .getMessage().contains("may hold only letters, digits"));
        assertTrue(assertThrows(AccessException.class,
                () -> users.add("Anonymous", Role.ADMIN, "twelve chars!".toCharArray())).getMessage()
                .contains("reserved"));
        assertTrue(assertThrows(AccessException.class, () -> users.add("", Role.ADMIN, "twelve chars!".toCharArray()))
                .getMessage().contains("required"));
    }

    @Test
    void verifyFindsTheUserOnlyWithTheirPassword() throws Exception {
        users.add("ana", Role.ADMIN, "ana's password".toCharArray());
        assertEquals("ana", users.verify("ana", "ana's password".toCharArray()).orElseThrow().name());
        assertEquals(Optional.empty(), users.verify("ana", "not the password".toCharArray()));
        assertEquals(Optional.empty(), users.verify("nobody", "ana's password".toCharArray()));
    }

    @Test
    void theLastAdminCanNeitherBeRemovedNorDemoted() throws Exception {
        users.add("ana", Role.ADMIN, "ana's password".toCharArray());
        users.add("tom", Role.THERAPIST, "tom's password".toCharArray());
        assertTrue(assertThrows(AccessException.class, () -> users.remove("ana")).getMessage().contains("last admin"));
        assertTrue(assertThrows(AccessException.class, () -> users.changeRole("ana", Role.VIEWER)).getMessage()
                .contains("last admin"));
        users.changeRole("tom", Role.ADMIN);
        users.remove("ana");
        assertEquals(List.of("tom"), users.users().stream().map(StoredUser::name).toList());
    }

    @Test
    void aTakenNameAndAnUnknownUserAreNamed() throws Exception {
        users.add("ana", Role.ADMIN, "ana's password".toCharArray());
        assertEquals("user 'ana' exists already", assertThrows(AccessException.class,
                () -> users.add("ana", Role.VIEWER, "another password".toCharArray())).getMessage());
        assertEquals("there is no user 'zed'", assertThrows(AccessException.class, () -> users.remove("zed"))
                .getMessage());
    }

    @Test
    void theFirstAdminIsCreatedOnlyWhileNoUserExists() throws Exception {
        users.addFirstAdmin("ana", "ana's password".toCharArray());
        assertEquals("setup is done already: users exist", assertThrows(AccessException.class,
                () -> users.addFirstAdmin("eve", "eve's password!".toCharArray())).getMessage());
    }

    @Test
    void aChangeMadeByAnotherProcessIsSeen() throws Exception {
        users.add("ana", Role.ADMIN, "ana's password".toCharArray());
        assertEquals(1, users.users().size());
        directory().add("tom", Role.VIEWER, "tom's password".toCharArray()); // as a 'users add' in another JVM would
        assertEquals(List.of("ana", "tom"), users.users().stream().map(StoredUser::name).toList());
    }

    @Test
    void aChangedPasswordReplacesTheOldOne() throws Exception {
        users.add("ana", Role.ADMIN, "ana's password".toCharArray());
        users.changePassword("ana", "ana's new password".toCharArray());
        assertEquals(Optional.empty(), users.verify("ana", "ana's password".toCharArray()));
        assertTrue(users.verify("ana", "ana's new password".toCharArray()).isPresent());
    }
}
