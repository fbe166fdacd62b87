package io.upwell.engine.core.internal.session;

import static io.upwell.api.session.SessionState.ABORTED;
import static io.upwell.api.session.SessionState.ENDED;
import static io.upwell.api.session.SessionState.PAUSED;
import static io.upwell.api.session.SessionState.READY;
import static io.upwell.api.session.SessionState.RUNNING;
import static io.upwell.api.session.SessionState.SCREENING;
import static io.upwell.api.session.SessionState.STOPPING;

import io.upwell.api.session.SessionState;
import io.upwell.engine.core.internal.state.Transitions;

/** The legal moves of a session (docs/ENGINE.md, "States"). */
final class SessionTransitions {
    static final Transitions<SessionState> TABLE = Transitions.of("session", SessionState.class)
            .from(SCREENING, READY, ABORTED)
            .from(READY, RUNNING, ABORTED)
            .from(RUNNING, PAUSED, STOPPING, ABORTED)
            .from(PAUSED, RUNNING, STOPPING, ABORTED)
            // A fault while ramping out vents at once and ends the session as aborted.
            .from(STOPPING, ENDED, ABORTED)
            .build();

    private SessionTransitions() {
    }
}
