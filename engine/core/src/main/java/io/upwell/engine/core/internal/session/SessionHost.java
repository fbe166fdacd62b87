package io.upwell.engine.core.internal.session;

import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.session.SessionState;
import io.upwell.engine.core.internal.settings.EngineSettings;
import io.upwell.engine.core.internal.journal.SessionJournal;

/** What a session needs from the engine that runs it. */
public interface SessionHost {

    EngineSettings settings();

    SessionJournal journal();

    /** True while a fault or emergency stop waits for acknowledgement. */
    boolean latched();

    /**
     * Raises an alarm for the session: journaled, kept with the session, told to listeners.
     *
     * @param latch true for a fault: nothing applies vacuum again until the operator acknowledges
     */
    void raise(ActiveSession session, AlarmPriority priority, AlarmCondition condition, String deviceId, int channel,
            String message, boolean latch);

    /** The session moved; journal it and tell listeners. */
    void sessionChanged(ActiveSession session, SessionState from, SessionState to, String reason);

    /**
     * A device misbehaved (it over-shot its command, or its sensor failed): it is FAULTED until the
     * operator acknowledges, and no session may use it meanwhile.
     */
    void deviceFaulted(String deviceId, String reason);

    /** The session's samples were journaled: listeners may hear its state at the journal's rate. */
    void sampled(ActiveSession session);

    /** Names a device that is not ready, or returns null when all the session's devices are ready. */
    String deviceNotReady(ActiveSession session);
}
