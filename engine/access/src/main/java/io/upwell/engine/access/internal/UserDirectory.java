package io.upwell.engine.access.internal;

import io.upwell.engine.access.AccessException;
import io.upwell.engine.access.Role;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The users, read from {@link UserStore} and read again whenever the file changed (another engine
 * process may have changed it), with the rules every change keeps: valid names, long enough
 * passwords, at least one administrator once there is any user.
 */
final class UserDirectory {

    private final UserStore store;
    private final PasswordHasher hasher;
    private final PasswordRules rules;
    private final Clock clock;
    private List<StoredUser> users = List.of();
    private UserStore.Stamp loaded;
    /** Verified against when the user does not exist, so that a wrong name takes as long as a wrong password. */
    private volatile String decoyHash;

    UserDirectory(UserStore store, PasswordHasher hasher, PasswordRules rules, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.rules = rules;
        this.clock = clock;
    }

    UserStore store() {
        return store;
    }

    PasswordRules rules() {
        return rules;
    }

    /** Every user, sorted by name, as the file holds them now. */
    synchronized List<StoredUser> users() {
        refresh();
        return users;
    }

    Optional<StoredUser> find(String name) {
        return users().stream().filter(user -> user.name().equals(name)).findFirst();
    }

    boolean isEmpty() {
        return users().isEmpty();
    }

    /** The user, when {@code password} is theirs; the expensive part runs outside the lock. */
    Optional<StoredUser> verify(String name, char[] password) {
        Optional<StoredUser> user = find(name);
        if (user.isEmpty()) {
            hasher.verify(password, decoyHash());
            return Optional.empty();
        }
        return hasher.verify(password, user.get().passwordHash()) ? user : Optional.empty();
    }

    StoredUser add(String name, Role role, char[] password) throws AccessException {
        StoredUser user = newUser(name, role, password);
        change(current -> {
            if (current.stream().anyMatch(existing -> existing.name().equals(name))) {
                throw new Refused("user '" + name + "' exists already");
            }
            if (current.isEmpty() && role != Role.ADMIN) {
                throw new Refused("the first user must be an admin (role admin), so that someone can manage the others");
            }
            current.add(user);
            return current;
        });
        return user;
    }

    /** The first administrator: only while no user exists (first start). */
    StoredUser addFirstAdmin(String name, char[] password) throws AccessException {
        StoredUser user = newUser(name, Role.ADMIN, password);
        change(current -> {
            if (!current.isEmpty()) {
                throw new Refused("setup is done already: users exist");
            }
            current.add(user);
            return current;
        });
        return user;
    }

    void remove(String name) throws AccessException {
        change(current -> {
            StoredUser user = existing(current, name);
            current.remove(user);
            if (user.role() == Role.ADMIN && current.stream().noneMatch(other -> other.role() == Role.ADMIN)) {
                throw new Refused("'" + name + "' is the last admin; make another user admin first");
            }
            return current;
        });
    }

    void changePassword(String name, char[] password) throws AccessException {
        String hash = hashChecked(password);
        change(current -> {
            StoredUser user = existing(current, name);
            current.set(current.indexOf(user), user.withPasswordHash(hash));
            return current;
        });
    }

    void changeRole(String name, Role role) throws AccessException {
        change(current -> {
            StoredUser user = existing(current, name);
            current.set(current.indexOf(user), user.withRole(role));
            if (current.stream().noneMatch(other -> other.role() == Role.ADMIN)) {
                throw new Refused("'" + name + "' is the last admin; make another user admin first");
            }
            return current;
        });
    }

    private StoredUser newUser(String name, Role role, char[] password) throws AccessException {
        try {
            UserNames.check(name);
        } catch (IllegalArgumentException e) {
            throw new AccessException(e.getMessage());
        }
        if (role == null) {
            throw new AccessException("a role is required: " + Role.names());
        }
        return new StoredUser(name, role, hashChecked(password), clock.instant());
    }

    private String hashChecked(char[] password) throws AccessException {
        try {
            rules.check(password);
        } catch (IllegalArgumentException e) {
            throw new AccessException(e.getMessage());
        }
        return hasher.hash(password);
    }

    private static StoredUser existing(List<StoredUser> current, String name) {
        return current.stream().filter(user -> user.name().equals(name)).findFirst()
                .orElseThrow(() -> new Refused("there is no user '" + name + "'"));
    }

    private synchronized void change(UnaryOperator<List<StoredUser>> change) throws AccessException {
        try {
            UserStore.Snapshot written = store.update(current -> sorted(change.apply(current)));
            users = written.users();
            loaded = written.stamp();
        } catch (Refused e) {
            throw new AccessException(e.getMessage());
        } catch (UsersFileException e) {
            throw new AccessException(e.getMessage(), e);
        }
    }

    private void refresh() {
        UserStore.Stamp now = store.stamp();
        if (loaded != null && loaded.same(now)) {
            return;
        }
        UserStore.Snapshot snapshot = store.load();
        users = sorted(snapshot.users());
        loaded = snapshot.stamp();
    }

    private static List<StoredUser> sorted(List<StoredUser> users) {
        return users.stream().sorted(Comparator.comparing(StoredUser::name)).toList();
    }

    private String decoyHash() {
        String decoy = decoyHash;
        if (decoy == null) {
            decoy = hasher.hash("not a password of anyone".toCharArray());
            decoyHash = decoy;
        }
        return decoy;
    }

    /** A change the rules refuse, thrown out of the store's update. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }
}
