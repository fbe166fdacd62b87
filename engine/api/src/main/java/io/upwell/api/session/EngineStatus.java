package io.upwell.api.session;

import io.upwell.api.safety.AlarmStatus;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the engine is doing, read-only: everything a screen, a viewer or a monitoring system may
 * see and nothing that can change the therapy. Registered by the core as an OSGi service of its
 * own, so that a front end that only watches needs nothing more (and an access policy can hand a
 * viewer this service and no other). Every method is safe from any thread and returns copies.
 */
@ProviderType
public interface EngineStatus {

    List<DeviceStatus> devices();

    /** Every technique the engine can run now, each with the module and origin it came from. */
    List<AvailableTechnique> techniques();

    /** The running or most recent session's live state, or empty when no session has run. */
    Optional<SessionSnapshot> currentSession();

    /**
     * A session this engine ran, by id: the current one or one of the last
     * {@value #RECENT_SESSIONS} that ended. Older sessions are in the records.
     */
    Optional<SessionSnapshot> session(String sessionId);

    /** The most sessions, besides the current one, that {@link #session(String)} still knows. */
    int RECENT_SESSIONS = 16;

    /** True while an emergency stop or fault waits for acknowledgement: every channel reads vented. */
    boolean latched();

    /** Alarms not yet cleared, of the engine and of every session, oldest first. */
    List<AlarmStatus> activeAlarms();

    /** An alarm by id, while the engine still keeps it (active ones always). */
    Optional<AlarmStatus> alarm(String alarmId);

    LoopStatistics loopStatistics();

    /** Whether therapy can be recorded now; a journal that cannot write refuses new sessions (SR-16). */
    JournalHealth journalHealth();
}
