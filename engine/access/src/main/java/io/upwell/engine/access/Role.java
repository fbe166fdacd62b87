package io.upwell.engine.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a user may do; each role may do everything the roles before it may. */
public enum Role {
    /** Reads: devices, sessions, records, the live stream. */
    VIEWER,
    /** Reads and runs sessions: start, pause, resume, intensity, stop, acknowledge. */
    THERAPIST,
    /** Everything, including users, configuration and modules (the Web Console). */
    ADMIN;

    /** The role's name as used in files, JSON and request attributes: lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role may do what {@code required} may. */
    public boolean covers(Role required) {
        return compareTo(required) >= 0;
    }

    /**
     * The role named {@code text} (any case).
     *
     * @throws IllegalArgumentException naming the roles there are
     */
    public static Role parse(String text) {
        if (text != null) {
            for (Role role : values()) {
                if (role.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return role;
                }
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a role; the roles are " + names());
    }

    /** The roles' ids, comma-separated, for messages. */
    public static String names() {
        return Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", "));
    }
}
