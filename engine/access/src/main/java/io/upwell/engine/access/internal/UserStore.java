package io.upwell.engine.access.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.upwell.engine.access.Role;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * {@code users.json}: the users, their roles and password hashes, as one JSON document
 * ({@code {"version":1,"users":[{"name":..,"role":..,"password":..,"created":..}]}}).
 * <p>
 * Every change is a read-modify-write under an exclusive lock on {@code users.json.lock}, so two
 * engine processes on one data directory (a running shell and a {@code users add} from another
 * terminal) never lose each other's change. The new document is written to a temporary file in the
 * same directory, forced to disk and moved over the old one atomically: a crash leaves the old file
 * or the new one, never half of one. Where the file system has POSIX permissions, the file and its
 * lock are readable and writable by their owner only.
 */
final class UserStore {

    static final int FORMAT_VERSION = 1;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** One monitor per users file in this JVM (the file lock excludes other processes only). */
    private static final java.util.concurrent.ConcurrentMap<Path, Object> JVM_LOCKS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;

    UserStore(Path file) {
        this.file = file.toAbsolutePath();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
    }

    Path file() {
        return file;
    }

    /** What the file looks like now (absent: {@link Stamp#ABSENT}), to notice another process's change. */
    Stamp stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.lastModifiedTime().toMillis(), attributes.size(), attributes.fileKey());
        } catch (NoSuchFileException e) {
            return Stamp.ABSENT;
        } catch (IOException e) {
            throw new UsersFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The users in the file; none when it does not exist. */
    Snapshot load() {
        Stamp stamp = stamp();
        if (stamp == Stamp.ABSENT) {
            return new Snapshot(List.of(), stamp);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Snapshot(List.of(), Stamp.ABSENT);
        } catch (IOException e) {
            throw new UsersFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new Snapshot(parse(text), stamp);
    }

    /**
     * Applies {@code change} to the users as the file holds them now and writes the result, under the
     * lock; returns what was written.
     */
    Snapshot update(UnaryOperator<List<StoredUser>> change) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UsersFileException("cannot create the directory of " + file + ": " + e.getMessage(), e);
        }
        // A file lock is held per JVM, not per thread: threads of this JVM take turns here first.
        synchronized (JVM_LOCKS.computeIfAbsent(file, f -> new Object())) {
            return updateLocked(change);
        }
    }

    private Snapshot updateLocked(UnaryOperator<List<StoredUser>> change) {
        try (FileChannel lockChannel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE), ownerOnly(lockFile.getParent()));
                FileLock lock = lockChannel.lock()) {
            List<StoredUser> current = load().users();
            List<StoredUser> changed = List.copyOf(change.apply(new ArrayList<>(current)));
            write(changed);
            return new Snapshot(changed, stamp());
        } catch (IOException e) {
            throw new UsersFileException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(List<StoredUser> users) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            try (FileChannel channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), ownerOnly(temporary.getParent()))) {
                Writer writer = Channels.newWriter(channel, StandardCharsets.UTF_8);
                writer.write(GSON.toJson(document(users)));
                writer.write('\n');
                writer.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Owner-only permissions where the file system has POSIX permissions; none asked for elsewhere. */
    private static FileAttribute<?>[] ownerOnly(Path directory) {
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static JsonObject document(List<StoredUser> users) {
        JsonObject root = new JsonObject();
        root.addProperty("version", FORMAT_VERSION);
        JsonArray array = new JsonArray();
        for (StoredUser user : users) {
            JsonObject entry = new JsonObject();
            entry.addProperty("name", user.name());
            entry.addProperty("role", user.role().id());
            entry.addProperty("password", user.passwordHash());
            entry.addProperty("created", user.created().toString());
            array.add(entry);
        }
        root.add("users", array);
        return root;
    }

    /** @throws UsersFileException naming the file and the first thing wrong in it */
    List<StoredUser> parse(String text) {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            java.util.regex.Matcher where = java.util.regex.Pattern.compile("line \\d+ column \\d+")
                    .matcher(String.valueOf(e.getMessage()));
            throw corrupt("it is not JSON" + (where.find() ? " (at " + where.group() + ")" : ""));
        }
        if (!root.isJsonObject()) {
            throw corrupt("it must hold a JSON object with \"version\" and \"users\"");
        }
        JsonObject object = root.getAsJsonObject();
        JsonElement version = object.get("version");
        if (version == null || !isNumber(version) || version.getAsInt() != FORMAT_VERSION) {
            throw corrupt("\"version\" must be " + FORMAT_VERSION + ", found " + version);
        }
        JsonElement users = object.get("users");
        if (users == null || !users.isJsonArray()) {
            throw corrupt("\"users\" must be an array");
        }
        List<StoredUser> result = new ArrayList<>();
        Set<String> names = new HashSet<>();
        JsonArray array = users.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            String where = "users[" + i + "]";
            if (!array.get(i).isJsonObject()) {
                throw corrupt(where + " must be an object");
            }
            JsonObject entry = array.get(i).getAsJsonObject();
            String name = text(entry, "name", where);
            try {
                UserNames.check(name);
            } catch (IllegalArgumentException e) {
                throw corrupt(where + ".name: " + e.getMessage());
            }
            if (!names.add(name)) {
                throw corrupt(where + ".name: '" + name + "' appears twice");
            }
            Role role;
            try {
                role = Role.parse(text(entry, "role", where));
            } catch (IllegalArgumentException e) {
                throw corrupt(where + ".role: " + e.getMessage());
            }
            String hash = text(entry, "password", where);
            try {
                PasswordHasher.check(hash);
            } catch (IllegalArgumentException e) {
                throw corrupt(where + ".password: " + e.getMessage());
            }
            Instant created;
            try {
                created = Instant.parse(text(entry, "created", where));
            } catch (DateTimeParseException e) {
                throw corrupt(where + ".created: not an ISO-8601 instant");
            }
            result.add(new StoredUser(name, role, hash, created));
        }
        return result;
    }

    private String text(JsonObject entry, String field, String where) {
        JsonElement value = entry.get(field);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw corrupt(where + "." + field + " must be a string");
        }
        return value.getAsString();
    }

    private static boolean isNumber(JsonElement element) {
        return element.isJsonPrimitive() && ((JsonPrimitive) element).isNumber();
    }

    private UsersFileException corrupt(String problem) {
        return new UsersFileException("the users file " + file + " is not valid: " + problem
                + "; fix or remove it (removing it removes every user)");
    }

    /** The users read, and the file's stamp when they were read. */
    record Snapshot(List<StoredUser> users, Stamp stamp) {
    }

    /** Modification time, size and file key: enough to see that another process replaced the file. */
    record Stamp(long modifiedMillis, long size, Object fileKey) {
        static final Stamp ABSENT = new Stamp(-1, -1, null);

        boolean same(Stamp other) {
            return modifiedMillis == other.modifiedMillis && size == other.size
                    && Objects.equals(fileKey, other.fileKey);
        }
    }

}
