package io.upwell.engine.core.internal;

import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.Observation;
import io.upwell.api.technique.ProgramRevision;
import io.upwell.api.technique.Technique;
import io.upwell.api.time.Clock;
import io.upwell.engine.core.internal.journal.SessionJournal;
import io.upwell.engine.core.internal.program.CompiledTimeline;
import io.upwell.engine.core.internal.session.ActiveSession;
import io.upwell.engine.core.internal.settings.EngineSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks an adaptive technique for revisions while its session runs: at the period the program asked
 * for (never below {@code Program.MIN_ADAPT_PERIOD}), one call at a time, on the plugin caller
 * under its deadline, and only while the session runs, the engine is not latched and the technique
 * is present. A revision is checked and compiled here, off the control thread, and handed to the
 * cups, which take it over at their next segment boundary. A technique that fails to adapt ends
 * the session with a ramp-out (SR-11).
 * <p>
 * On the virtual clock the call is awaited inside the clock's task, so virtual time stands still
 * while the technique thinks and a revision lands at the same virtual time on every run.
 */
final class Adaptation implements Runnable {

    private final ActiveSession session;
    private final String who;
    private final PluginCaller caller;
    private final EngineSettings settings;
    private final SessionJournal journal;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private volatile Clock.Scheduled scheduled;
    private volatile boolean closed;

    private Adaptation(ActiveSession session, String who, PluginCaller caller, EngineSettings settings,
            SessionJournal journal) {
        this.session = session;
        this.who = who;
        this.caller = caller;
        this.settings = settings;
        this.journal = journal;
    }

    /** Starts asking the technique for revisions when the session's program asked for it. */
    static void startIfAdaptive(ActiveSession session, TechniqueCatalogue.Entry technique, PluginCaller caller,
            Clock clock, EngineSettings settings, SessionJournal journal) {
        long period = session.program().adaptEvery().toNanos();
        if (period <= 0) {
            return;
        }
        period = Math.max(period, io.upwell.api.technique.Program.MIN_ADAPT_PERIOD.toNanos());
        String who = "technique '" + technique.descriptor().id() + "' (module " + technique.module() + ")";
        Adaptation adaptation = new Adaptation(session, who, caller, settings, journal);
        adaptation.scheduled = clock.every(period, "upwell-adapt-" + session.id(), adaptation);
    }

    @Override
    public void run() {
        if (closed) {
            return;
        }
        if (!session.isLive()) {
            close();
            return;
        }
        if (session.state() != SessionState.RUNNING || session.techniqueAway() || !inFlight.compareAndSet(false, true)) {
            return;
        }
        Observation observation = session.observe();
        Technique technique = session.technique();
        CompletableFuture<Optional<ProgramRevision>> answer = caller.call(who, "adapt", () -> technique.adapt(observation));
        if (settings.virtualClock()) {
            try {
                answered(answer.get(), null);
            } catch (ExecutionException e) {
                answered(null, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answered(null, e);
            }
        } else {
            answer.whenComplete(this::answered);
        }
    }

    private void answered(Optional<ProgramRevision> answer, Throwable failure) {
        try {
            if (closed || !session.isLive()) {
                return;
            }
            if (failure != null) {
                fail("could not adapt the program: " + Failures.describe(failure));
                return;
            }
            if (answer == null) {
                fail("returned null instead of an empty Optional when asked to adapt");
                return;
            }
            if (answer.isEmpty()) {
                return;
            }
            ProgramRevision revision = answer.get();
            CompiledTimeline[] compiled;
            try {
                compiled = SessionPlanner.compileRevision("it", revision, session.request().placements().size(),
                        settings);
            } catch (SessionException refused) {
                fail("handed a revision the engine refuses: " + refused.getMessage());
                return;
            }
            session.offer(compiled);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("reason", revision.reason());
            fields.put("cups", revision.continuations().stream().map(t -> t.cup()).toList());
            journal.event(session.id(), "revision", fields);
        } finally {
            inFlight.set(false);
        }
    }

    private void fail(String what) {
        close();
        session.rampOutEarly(AlarmCondition.TECHNIQUE_FAILED, who + " " + what + "; every cup ramps out");
    }

    private void close() {
        closed = true;
        Clock.Scheduled s = scheduled;
        if (s != null) {
            s.close();
        }
    }
}
