package io.upwell.api.session;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The engine: registered by the core as an OSGi service, and the one object an integrator needs.
 * One session runs at a time.
 */
@ProviderType
public interface SessionService {

    /**
     * Checks the request, plans the technique and starts the session.
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

    /** The running or most recent session. */
    Optional<Session> current();

    /**
     * Vents every channel of every device within one control period and latches: nothing applies
     * vacuum again until {@link #acknowledge}. Idempotent; safe from any thread (SR-13).
     *
     * @param source who or what pressed it, for the journal
     */
    void emergencyStop(String source);

    /**
     * The operator acknowledges every fault and emergency stop: clears the latch in one step and
     * lets a paused session be resumed. It never resumes anything by itself.
     *
     * @param operator who acknowledges, for the journal
     * @throws SessionException when the latch cannot be cleared: the control loop is not ticking (a
     *                          dead loop stays latched until the engine is restarted), or the caller
     *                          may not acknowledge (a plugin)
     */
    void acknowledge(String operator) throws SessionException;

    /** True while an emergency stop or fault waits for acknowledgement. */
    boolean latched();

    List<DeviceStatus> devices();

    /** Every technique the engine can run now, each with the module and origin it came from. */
    List<AvailableTechnique> techniques();

    LoopStatistics loopStatistics();

    /** Whether therapy can be recorded now; a journal that cannot write refuses new sessions (SR-16). */
    JournalHealth journalHealth();
}
