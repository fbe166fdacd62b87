package io.upwell.engine.core.internal.session;

import io.upwell.api.session.SessionState;
import io.upwell.engine.core.internal.state.Transitions;

/** Lets tests in other packages read the session table. */
public final class SessionTransitionsAccess {
    private SessionTransitionsAccess() {
    }

    public static Transitions<SessionState> table() {
        return SessionTransitions.TABLE;
    }
}
