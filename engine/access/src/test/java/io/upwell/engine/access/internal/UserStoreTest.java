package io.upwell.engine.access.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.engine.access.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("SR-18")
class UserStoreTest {

    private static final String HASH = new PasswordHasher(PasswordHasher.MINIMUM_ITERATIONS, new SecureRandom())
            .hash("a long password".toCharArray());
    private static final Instant CREATED = Instant.parse("2026-11-24T08:00:00Z");

    @TempDir
    Path directory;

    private static StoredUser user(String name, Role role) {
        return new StoredUser(name, role, HASH, CREATED);
    }

    @Test
    void aMissingFileHoldsNoUsers() {
        assertEquals(List.of(), new UserStore(directory.resolve("users.json")).load().users());
    }

    @Test
    void whatIsWrittenIsReadBackByAnotherStoreOnTheSameFile() {
        Path file = directory.resolve("sub/users.json");
        new UserStore(file).update(users -> List.of(user("ana", Role.ADMIN), user("ben", Role.VIEWER)));
        assertEquals(List.of(user("ana", Role.ADMIN), user("ben", Role.VIEWER)), new UserStore(file).load().users());
    }

    @Test
    void theFileIsReadableByItsOwnerOnlyAndNoTemporaryFileStays() throws Exception {
        Path file = directory.resolve("users.json");
        new UserStore(file).update(users -> List.of(user("ana", Role.ADMIN)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of("users.json", "users.json.lock"),
                    files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
    }

    @Test
    void aChangeThatFailsLeavesTheFileAsItWas() throws Exception {
        Path file = directory.resolve("users.json");
        UserStore store = new UserStore(file);
        store.update(users -> List.of(user("ana", Role.ADMIN)));
        byte[] before = Files.readAllBytes(file);
        assertThrows(IllegalStateException.class, () -> store.update(users -> {
            throw new IllegalStateException("refused halfway");
        }));
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(file));
    }

    @Test
    void twoStoresChangingTheFileAtOnceLoseNothing() throws Exception {
        Path file = directory.resolve("users.json");
        int writers = 4;
        int each = 10;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            UserStore store = new UserStore(file); // one store per writer, as two processes would have
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        String name = "u" + writer + "-" + i;
                        store.update(users -> {
                            users.add(user(name, Role.VIEWER));
                            return users;
                        });
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), failures);
        assertEquals(writers * each, new UserStore(file).load().users().size());
    }

    @Test
    void aCorruptFileIsNamedWithWhatIsWrong() throws Exception {
        Path file = directory.resolve("users.json");
        Files.writeString(file, "{\"version\":1,\"users\":[{\"name\":\"ana\",\"role\":\"boss\",\"password\":\"" + HASH
                + "\",\"created\":\"2026-11-24T08:00:00Z\"}]}");
        UsersFileException e = assertThrows(UsersFileException.class, () -> new UserStore(file).load());
        assertTrue(e.getMessage().startsWith("the users file " + file.toAbsolutePath() + " is not valid: users[0].role:"),
                e.getMessage());
        assertTrue(e.getMessage().contains("'boss' is not a role"), e.getMessage());
    }

    @Test
    void notJsonAndAWrongVersionAreNamed() throws Exception {
        Path file = directory.resolve("users.json");
        Files.writeString(file, "users: ana");
        assertTrue(assertThrows(UsersFileException.class, () -> new UserStore(file).load()).getMessage()
                .contains("is not valid: it is not JSON (at line 1 column 7)"));
        Files.writeString(file, "[1, 2]");
        assertTrue(assertThrows(UsersFileException.class, () -> new UserStore(file).load()).getMessage()
                .contains("is not valid: it must hold a JSON object"));
        Files.writeString(file, "{\"version\":2,\"users\":[]}");
        assertTrue(assertThrows(UsersFileException.class, () -> new UserStore(file).load()).getMessage()
                .contains("\"version\" must be 1, found 2"));
        Files.writeString(file, "{\"version\":1,\"users\":[{\"name\":\"ana\",\"role\":\"admin\",\"password\":\"x\","
                + "\"created\":\"2026-11-24T08:00:00Z\"}]}");
        assertTrue(assertThrows(UsersFileException.class, () -> new UserStore(file).load()).getMessage()
                .contains("users[0].password: a password hash must read"));
    }

    @Test
    void theSameNameTwiceIsRefused() throws Exception {
        Path file = directory.resolve("users.json");
        String entry = "{\"name\":\"ana\",\"role\":\"admin\",\"password\":\"" + HASH + "\",\"created\":\"2026-11-24T08:00:00Z\"}";
        Files.writeString(file, "{\"version\":1,\"users\":[" + entry + "," + entry + "]}");
        assertTrue(assertThrows(UsersFileException.class, () -> new UserStore(file).load()).getMessage()
                .contains("users[1].name: 'ana' appears twice"));
    }

    @Test
    void theFileHoldsHashesOnly() throws Exception {
        Path file = directory.resolve("users.json");
        new UserStore(file).update(users -> List.of(user("ana", Role.ADMIN)));
        String text = Files.readString(file);
        assertFalse(text.contains("a long password"));
        assertTrue(text.contains("\"password\": \"pbkdf2-sha256:"), text);
    }
}
