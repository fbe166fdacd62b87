package io.upwell.engine.access;

import java.time.Instant;
import java.util.Objects;

/** A user as an administrator sees it: never the password or its hash. */
public final class UserAccount {
    private final String name;
    private final Role role;
    private final Instant created;

    public UserAccount(String name, Role role, Instant created) {
        this.name = Objects.requireNonNull(name, "name");
        this.role = Objects.requireNonNull(role, "role");
        this.created = Objects.requireNonNull(created, "created");
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    public Instant created() {
        return created;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UserAccount account && account.name.equals(name) && account.role == role
                && account.created.equals(created);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, role, created);
    }

    @Override
    public String toString() {
        return name + " (" + role.id() + ")";
    }
}
