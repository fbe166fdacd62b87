package io.upwell.engine.core.internal;

import io.upwell.api.session.EngineStatus;
import io.upwell.engine.core.internal.session.ActiveSession;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The engine's one session slot. Publishing a session and handling a departure (a device or
 * technique leaving) take {@link #lock}, never for long, so that a session is never published
 * past a departure that should have stopped it.
 */
final class CurrentSession {
    final Object lock = new Object();
    private volatile ActiveSession session;
    /** The sessions before the current one, newest first. */
    private final Deque<ActiveSession> recent = new ArrayDeque<>();

    /** The running or most recent session, or null. */
    ActiveSession get() {
        return session;
    }

    void publish(ActiveSession next) {
        ActiveSession before = session;
        session = next;
        if (before != null) {
            synchronized (recent) {
                recent.addFirst(before);
                while (recent.size() > EngineStatus.RECENT_SESSIONS) {
                    recent.removeLast();
                }
            }
        }
    }

    /** The current session or one of the recent ones, by id; null when none has it. */
    ActiveSession find(String id) {
        ActiveSession now = session;
        if (now != null && now.id().equals(id)) {
            return now;
        }
        synchronized (recent) {
            for (ActiveSession past : recent) {
                if (past.id().equals(id)) {
                    return past;
                }
            }
        }
        return null;
    }

    /** The session if it is live (not ended or aborted), otherwise null. */
    ActiveSession live() {
        ActiveSession current = session;
        return current != null && current.isLive() ? current : null;
    }
}
