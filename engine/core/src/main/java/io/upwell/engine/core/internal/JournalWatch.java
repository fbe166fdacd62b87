package io.upwell.engine.core.internal;

import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.session.JournalHealth;
import io.upwell.engine.core.internal.journal.SessionJournal;
import java.util.Optional;

/**
 * Brings the journal's health to people (SR-16): the first failure raises an alarm, and while the
 * journal cannot write no new session starts. A failure stays reported until the engine restarts:
 * evidence already lost does not come back when the disk does.
 */
final class JournalWatch {
    private final SessionJournal journal;
    private final AlarmDesk alarms;
    private boolean told;

    JournalWatch(SessionJournal journal, AlarmDesk alarms) {
        this.journal = journal;
        this.alarms = alarms;
    }

    /** Run by the engine's housekeeping, off the control thread. */
    synchronized void check() {
        Optional<String> problem = journal.problem();
        if (problem.isPresent() && !told) {
            told = true;
            alarms.raiseEngine(AlarmPriority.MEDIUM, AlarmCondition.JOURNAL_FAILED, "", -1,
                    "the session journal cannot write (" + problem.get() + "); therapy is not being recorded, and no"
                            + " new session starts until the engine restarts with a working data directory", false);
        }
    }

    /** Why no session may start, or null while the journal writes. */
    String refusal() {
        return journal.problem().map(p -> "the session journal cannot write (" + p + ")").orElse(null);
    }

    JournalHealth health() {
        Optional<String> problem = journal.problem();
        return problem.isEmpty() && journal.lostRecords() == 0 ? JournalHealth.HEALTHY
                : new JournalHealth(problem.isEmpty(), problem.orElse(""), journal.lostRecords());
    }
}
