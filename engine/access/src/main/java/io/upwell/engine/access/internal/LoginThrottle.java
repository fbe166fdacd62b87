package io.upwell.engine.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins, counted per user name and per client address. After {@code freeFailures} failures
 * in a row a key is locked out for {@code base}, then twice as long after each further failure, up to
 * {@code cap}. While either key of an attempt is locked out the attempt is refused before its
 * password is looked at. A success clears its user name's count; an address's count is forgotten
 * once it has had no failure for {@code cap} (a user logging in from a shared address does not clear
 * what others tried from it).
 */
final class LoginThrottle {

    /** More keys than this and the ones idle longest are forgotten: random names cannot fill the memory. */
    static final int MAX_KEYS = 10_000;

    private final Clock clock;
    private final Map<String, Entry> entries = new HashMap<>();
    private Settings settings;
    private long failures;
    private long refused;
    private long successes;

    LoginThrottle(Clock clock, Settings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    synchronized void settings(Settings newSettings) {
        this.settings = newSettings;
    }

    /** How long the attempt must wait, when its user name or address is locked out; counted as refused. */
    synchronized Optional<Duration> lockedOut(String user, String address) {
        Instant now = clock.instant();
        forgetIdle(now);
        Duration wait = Duration.ZERO;
        for (String key : keys(user, address)) {
            Entry entry = entries.get(key);
            if (entry != null && entry.lockedUntil != null && now.isBefore(entry.lockedUntil)) {
                Duration remaining = Duration.between(now, entry.lockedUntil);
                wait = remaining.compareTo(wait) > 0 ? remaining : wait;
            }
        }
        if (wait.isZero()) {
            return Optional.empty();
        }
        refused++;
        return Optional.of(wait);
    }

    synchronized void failed(String user, String address) {
        failures++;
        Instant now = clock.instant();
        forgetIdle(now);
        for (String key : keys(user, address)) {
            Entry entry = entries.computeIfAbsent(key, k -> new Entry());
            entry.failures++;
            entry.lastFailure = now;
            int beyond = entry.failures - settings.freeFailures;
            if (beyond >= 0) {
                entry.lockedUntil = now.plus(backOff(beyond));
            }
        }
        if (entries.size() > MAX_KEYS) {
            entries.entrySet().stream().min(Comparator.comparing(e -> e.getValue().lastFailure))
                    .ifPresent(oldest -> entries.remove(oldest.getKey()));
        }
    }

    synchronized void succeeded(String user) {
        successes++;
        if (user != null) {
            entries.remove(userKey(user));
        }
    }

    /** {@code base × 2^beyond}, at most {@code cap}. */
    Duration backOff(int beyond) {
        Settings current = settings;
        Duration wait = current.base;
        for (int i = 0; i < beyond && wait.compareTo(current.cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(current.cap) > 0 ? current.cap : wait;
    }

    synchronized Status status() {
        Instant now = clock.instant();
        forgetIdle(now);
        List<Lockout> locked = new ArrayList<>();
        entries.forEach((key, entry) -> {
            if (entry.lockedUntil != null && now.isBefore(entry.lockedUntil)) {
                locked.add(new Lockout(key, entry.failures, entry.lockedUntil));
            }
        });
        locked.sort(Comparator.comparing(Lockout::key));
        return new Status(failures, refused, successes, locked);
    }

    private void forgetIdle(Instant now) {
        entries.values().removeIf(entry -> entry.lastFailure != null
                && !now.isBefore(entry.lastFailure.plus(settings.cap).plus(settings.base))
                && (entry.lockedUntil == null || !now.isBefore(entry.lockedUntil)));
    }

    private static List<String> keys(String user, String address) {
        List<String> keys = new ArrayList<>(2);
        if (user != null) {
            keys.add(userKey(user));
        }
        if (address != null) {
            keys.add("address:" + address);
        }
        return keys;
    }

    /** User names are counted case-insensitively: "Admin" and "admin" share a count. */
    private static String userKey(String user) {
        return "user:" + user.toLowerCase(Locale.ROOT);
    }

    private static final class Entry {
        int failures;
        Instant lastFailure;
        Instant lockedUntil;
    }

    /** The throttle's limits. */
    record Settings(int freeFailures, Duration base, Duration cap) {
        Settings {
            if (freeFailures < 1) {
                throw new IllegalArgumentException("loginFreeFailures must be at least 1, was " + freeFailures);
            }
            if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
                throw new IllegalArgumentException("the login back-off must be positive and its cap (" + cap
                        + ") at least its base (" + base + ")");
            }
        }
    }

    /** Counts since the engine started, and the keys locked out now. */
    record Status(long failures, long refusedWhileLockedOut, long successes, List<Lockout> lockedOut) {
    }

    /** A key ({@code user:NAME} or {@code address:ADDRESS}) locked out until {@code until}. */
    record Lockout(String key, int failures, Instant until) {
    }
}
