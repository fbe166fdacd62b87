package io.upwell.api.session;

import io.upwell.api.safety.AlarmStatus;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What changes the therapy: starting and steering sessions, the emergency stop and the
 * acknowledgement. Registered by the core as an OSGi service of its own, so that access to it can
 * be granted apart from {@link EngineStatus}. Every command names who gives it ({@code by}); the
 * journal keeps that name with the command. Safe from any thread.
 * <p>
 * A command that does not fit (an unknown session, one in the wrong state, a value out of range)
 * is refused with a {@link SessionException} that names what is wrong, and changes nothing.
 */
@ProviderType
public interface EngineControl {

    /**
     * Checks the request, plans the technique and starts the session. The request's operator is
     * who started it.
     *
     * @throws SessionException naming what is wrong: unknown technique or device, a channel in use
     *                          or out of range, a parameter out of its range, no screening on a real
     *                          device, a session already running, an unacknowledged emergency stop
     */
    Session start(SessionRequest request) throws SessionException;

    /**
     * Checks the request and plans the technique exactly as {@link #start} would, and starts nothing:
     * what each cup will be allowed and which limit set it. Nothing a running session does is
     * disturbed, and the same refusals as {@code start} apply except those about a session already
     * running or the latch.
     *
     * @throws SessionException naming what is wrong with the request
     */
    SessionPlan check(SessionRequest request) throws SessionException;

    /** Pauses the live session {@code sessionId}: every cup vents and the program's clock holds. */
    void pause(String sessionId, String by) throws SessionException;

    /**
     * Resumes the paused session {@code sessionId}, re-entering with a ramp from ambient. Refused
     * while the latch is set: after a fault an operator acknowledges first.
     */
    void resume(String sessionId, String by) throws SessionException;

    /** Ramps every cup of the session out and ends it normally. */
    void stop(String sessionId, String by) throws SessionException;

    /**
     * Sets the session's intensity in percent ({@link SessionRequest#MIN_INTENSITY} to
     * {@link SessionRequest#MAX_INTENSITY}); the envelope still limits every level.
     *
     * @return the intensity now
     */
    int setIntensity(String sessionId, int percent, String by) throws SessionException;

    /** Tells an adaptive technique the therapist's hands are over cup {@code cup}; see {@link Session#cue}. */
    void cue(String sessionId, int cup, String by) throws SessionException;

    /**
     * Vents every channel of every device within one control period and latches: nothing applies
     * vacuum again until acknowledged. Idempotent; safe from any thread (SR-13). Never refused.
     *
     * @param by who or what pressed it, for the journal
     */
    void emergencyStop(String by);

    /**
     * Acknowledges every alarm and clears the latch in one step. It never resumes anything.
     *
     * @throws SessionException when the latch cannot be cleared: the control loop is not ticking (a
     *                          dead loop stays latched until the engine is restarted), or the caller
     *                          may not acknowledge (a plugin)
     */
    void acknowledge(String by) throws SessionException;

    /**
     * Acknowledges one alarm. A notice is cleared at once. A latching alarm stays acknowledged until
     * the latch can be cleared, which this call does when no other latching alarm waits for
     * acknowledgement and none was raised meanwhile; it never resumes anything. Acknowledging an
     * alarm already acknowledged or cleared changes nothing.
     *
     * @return the alarm's status after this call
     * @throws SessionException when no alarm has that id, or the caller may not acknowledge (a plugin);
     *                          a latch the loop does not let clear leaves the alarm acknowledged and
     *                          the latch set, and says so in the returned status's state
     */
    AlarmStatus acknowledge(String by, String alarmId) throws SessionException;
}
