package io.upwell.engine.core.internal;

import io.upwell.engine.core.internal.session.ActiveSession;

/**
 * The engine's one session slot. Publishing a session and handling a departure (a device or
 * technique leaving) take {@link #lock}, never for long, so that a session is never published
 * past a departure that should have stopped it.
 */
final class CurrentSession {
    final Object lock = new Object();
    private volatile ActiveSession session;

    /** The running or most recent session, or null. */
    ActiveSession get() {
        return session;
    }

    void publish(ActiveSession next) {
        session = next;
    }

    /** The session if it is live (not ended or aborted), otherwise null. */
    ActiveSession live() {
        ActiveSession current = session;
        return current != null && current.isLive() ? current : null;
    }
}
