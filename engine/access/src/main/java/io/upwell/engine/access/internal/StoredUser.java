package io.upwell.engine.access.internal;

import io.upwell.engine.access.Role;
import io.upwell.engine.access.UserAccount;
import java.time.Instant;
import java.util.Objects;

/** A user as {@code users.json} keeps it: the name, the role, the password's hash and when it was made. */
record StoredUser(String name, Role role, String passwordHash, Instant created) {

    StoredUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(created, "created");
    }

    UserAccount account() {
        return new UserAccount(name, role, created);
    }

    StoredUser withRole(Role newRole) {
        return new StoredUser(name, newRole, passwordHash, created);
    }

    StoredUser withPasswordHash(String newHash) {
        return new StoredUser(name, role, newHash, created);
    }

    /** Never the hash: a user's record may end up in a log line or an assertion message. */
    @Override
    public String toString() {
        return name + " (" + role.id() + ")";
    }
}
