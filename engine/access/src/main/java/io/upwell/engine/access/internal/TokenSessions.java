package io.upwell.engine.access.internal;

import io.upwell.engine.access.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Login tokens: 256 random bits from {@link SecureRandom}, handed out once (Base64url) and kept only
 * as their SHA-256, so that a heap dump does not hold a usable token. A token ends when it has not
 * been used for the idle timeout, at the end of its absolute lifetime, at logout, or when its user is
 * changed or removed.
 */
final class TokenSessions {

    private static final int TOKEN_BYTES = 32;
    /** More live logins than this and the oldest ones end: a flood of logins cannot fill the memory. */
    static final int MAX_SESSIONS = 10_000;

    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, Session> byDigest = new HashMap<>();
    private Duration idle;
    private Duration lifetime;

    TokenSessions(Clock clock, SecureRandom random, Duration idle, Duration lifetime) {
        this.clock = clock;
        this.random = random;
        limits(idle, lifetime);
    }

    synchronized void limits(Duration newIdle, Duration newLifetime) {
        if (newIdle.isNegative() || newIdle.isZero() || newLifetime.isNegative() || newLifetime.isZero()) {
            throw new IllegalArgumentException("session timeouts must be positive");
        }
        this.idle = newIdle;
        this.lifetime = newLifetime;
    }

    /** A new token for {@code user}; {@code credential} is the password hash it was issued against. */
    synchronized Issued issue(String user, Role role, String credential) {
        removeExpired();
        if (byDigest.size() >= MAX_SESSIONS) {
            byDigest.entrySet().stream().min(Comparator.comparing(entry -> entry.getValue().lastUsed))
                    .ifPresent(oldest -> byDigest.remove(oldest.getKey()));
        }
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Session session = new Session(user, role, credential, now.plus(lifetime));
        session.lastUsed = now;
        byDigest.put(digest(token), session);
        return new Issued(token, session.user, session.role, session.expires);
    }

    /** The live session of {@code token}, its idle time restarted; empty when unknown, ended or expired. */
    synchronized Optional<Session> find(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String key = digest(token);
        Session session = byDigest.get(key);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            byDigest.remove(key);
            return Optional.empty();
        }
        session.lastUsed = now;
        return Optional.of(session);
    }

    /** Ends {@code token}'s session; whether there was one. */
    synchronized boolean end(String token) {
        return token != null && byDigest.remove(digest(token)) != null;
    }

    /** Ends every session {@code stale} says no longer matches its user. */
    synchronized int endWhere(Predicate<Session> stale) {
        int before = byDigest.size();
        byDigest.values().removeIf(stale);
        return before - byDigest.size();
    }

    synchronized int live() {
        removeExpired();
        return byDigest.size();
    }

    Duration idle() {
        return idle;
    }

    private void removeExpired() {
        Instant now = clock.instant();
        byDigest.values().removeIf(session -> expired(session, now));
    }

    private boolean expired(Session session, Instant now) {
        return !now.isBefore(session.expires) || !now.isBefore(session.lastUsed.plus(idle));
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** A logged-in user: who, with which role, against which password hash, until when at the latest. */
    static final class Session {
        final String user;
        final Role role;
        final String credential;
        final Instant expires;
        Instant lastUsed;

        Session(String user, Role role, String credential, Instant expires) {
            this.user = user;
            this.role = role;
            this.credential = credential;
            this.expires = expires;
        }
    }

    /** A token as handed to the client, once. */
    record Issued(String token, String user, Role role, Instant expires) {
        @Override
        public String toString() {
            return "token for " + user + " (" + role.id() + ") until " + expires;
        }
    }
}
