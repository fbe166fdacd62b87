package io.upwell.engine.access;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The users who may log in to the engine's HTTP surface, kept in {@code users.json} in the engine's
 * data directory (passwords only as salted PBKDF2 hashes). Every change is written at once and seen
 * by every engine process that shares the directory; a changed or removed user's logins end.
 * <p>
 * {@code by} names who made a change, for the log: a user name, or a description such as
 * {@code "command line (user alice)"}.
 */
@ProviderType
public interface UserAdministration {

    /** Every user, sorted by name. */
    List<UserAccount> users() throws AccessException;

    /**
     * Adds a user.
     *
     * @throws AccessException when the name is taken or not allowed, or the password is too short
     */
    UserAccount add(String name, Role role, char[] password, String by) throws AccessException;

    /**
     * Removes a user and ends their logins.
     *
     * @throws AccessException when there is no such user or it is the last administrator
     */
    void remove(String name, String by) throws AccessException;

    /** Sets a user's password and ends their logins. */
    void changePassword(String name, char[] password, String by) throws AccessException;

    /**
     * Gives a user another role and ends their logins.
     *
     * @throws AccessException when it would leave no administrator
     */
    void changeRole(String name, Role role, String by) throws AccessException;

    /** The shortest password accepted, in characters. */
    int minimumPasswordLength();

    /**
     * While no user exists: the one-time code that lets the first administrator be created over HTTP
     * ({@code POST /api/setup}). Empty once a user exists.
     */
    Optional<String> setupCode();
}
