package io.upwell.api.session;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A running or finished session. Commands are safe from any thread; a command that does not fit
 * the session's state is refused with a {@link SessionException} that names the state.
 */
@ProviderType
public interface Session {

    String id();

    SessionState state();

    /** Why the session ended or was aborted; empty while it is live. */
    String reason();

    /** Vents every channel and holds the program's clock. */
    void pause() throws SessionException;

    /**
     * Continues a paused session, re-entering with a ramp from ambient. After a fault this is
     * refused until the operator has acknowledged it ({@link SessionService#acknowledge}).
     */
    void resume() throws SessionException;

    /** Ramps every channel out and ends the session normally. */
    void stop() throws SessionException;

    /** Sets the intensity in percent, within {@link SessionRequest#MIN_INTENSITY}..{@link SessionRequest#MAX_INTENSITY}. */
    void setIntensity(int percent) throws SessionException;

    /** Raises the intensity one step; returns the new value. */
    int intensityUp() throws SessionException;

    /** Lowers the intensity one step; returns the new value. */
    int intensityDown() throws SessionException;

    /**
     * Tells the technique the therapist's hands are over cup {@code cup} (an index into the request's
     * placements), for a technique that follows the therapist: it re-plans the next time the core
     * asks it to adapt, and the envelope judges what it plans as always. Journaled.
     *
     * @throws SessionException when the session is not running, the cup does not exist, or the
     *                          session's program does not adapt (its technique cannot follow cues)
     */
    void cue(int cup) throws SessionException;

    /** A consistent copy of the session's live state, for screens and the shell. */
    SessionSnapshot snapshot();
}
