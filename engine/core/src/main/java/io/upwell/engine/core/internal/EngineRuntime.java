package io.upwell.engine.core.internal;

import io.upwell.engine.core.internal.settings.EngineSettings;
import io.upwell.api.device.DeviceDriver;
import io.upwell.api.session.EngineListener;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.Technique;
import io.upwell.engine.core.internal.safety.SafetyLatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one engine running across configuration changes (SR-17): a configuration that does not
 * check out is refused with the reason and changes nothing; a good one is applied at once while no
 * session is live, and otherwise when the live session has ended. Applying it replaces the engine
 * (a new clock may come with it), hands the new engine every driver, technique and listener the old
 * one had, and publishes it in place of the old.
 * <p>
 * Free of OSGi: {@link EngineComponent} wires it to the framework, tests drive it directly.
 */
public final class EngineRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(EngineRuntime.class);

    /**
     * Builds and starts an engine for settings on the machine's latch and alarm book;
     * {@link Launched#close()} stops it.
     */
    public interface Launcher {
        Launched launch(EngineSettings settings, SafetyLatch latch, io.upwell.engine.core.internal.safety.AlarmBook alarms);
    }

    /** A started engine and what stops it. */
    public interface Launched extends AutoCloseable {
        Engine engine();

        @Override
        void close();

        /** An engine that stops by {@link Engine#close()}, then runs {@code afterClose}. */
        static Launched of(Engine engine, Runnable afterClose) {
            return new Launched() {
                @Override
                public Engine engine() {
                    return engine;
                }

                @Override
                public void close() {
                    engine.close();
                    afterClose.run();
                }
            };
        }
    }

    /** Offers an engine to its users (the OSGi service registry); closing the handle withdraws it. */
    public interface Publisher {
        AutoCloseable publish(Engine engine);
    }

    private record TechniqueBinding(Technique technique, String module, String origin) {
    }

    private final Launcher launcher;
    private final Publisher publisher;
    /**
     * The runtime's one thread, for its life: applies held-back configurations (not a thread per
     * finished session) and keeps the latch file in step with the latch.
     */
    private final java.util.concurrent.ScheduledExecutorService reconfiguring =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Threads.named("upwell-runtime"));
    /** How often the latch file is brought in step with the latch: the most a crash can lose of a new latch. */
    static final long LATCH_SYNC_MILLIS = 100;
    private java.util.Set<SafetyLatch.Cause> persisted = java.util.EnumSet.noneOf(SafetyLatch.Cause.class);
    /** Outlives every engine this runtime starts: a configuration change never clears it. */
    private final SafetyLatch latch = new SafetyLatch();
    /** The alarms that hold the latch go with it from engine to engine, to be acknowledged by name. */
    private final io.upwell.engine.core.internal.safety.AlarmBook alarms =
            new io.upwell.engine.core.internal.safety.AlarmBook(java.time.Instant.now());
    private final Object lock = new Object();
    private final List<DeviceDriver> drivers = new ArrayList<>();
    private final List<TechniqueBinding> techniques = new ArrayList<>();
    private final List<EngineListener> listeners = new ArrayList<>();
    private record RuleBinding(io.upwell.api.screening.ScreeningRule rule, String module) {
    }

    private final List<RuleBinding> screeningRules = new ArrayList<>();
    private record HistoryBinding(io.upwell.api.history.TreatmentHistory history, String module) {
    }

    /** The shared treatment history in use (SR-15), or null for the engine's own journal. */
    private HistoryBinding treatmentHistory;
    private EngineSettings settings;
    private EngineSettings pending;
    private Launched running;
    private AutoCloseable publication;

    public EngineRuntime(EngineSettings settings, Launcher launcher, Publisher publisher) {
        this.settings = settings;
        this.launcher = launcher;
        this.publisher = publisher;
    }

    /**
     * Starts the engine. A latch left on disk by the previous run (a bundle restart, a crash) is
     * latched again first: the machine stays as it was left until an operator acknowledges.
     */
    public void start() {
        synchronized (lock) {
            java.util.Set<SafetyLatch.Cause> left = latchFile().read();
            for (SafetyLatch.Cause cause : left) {
                latch.latch(cause);
            }
            persisted = left;
            if (!left.isEmpty()) {
                LOG.warn("the engine starts latched ({}), as it was left; an operator must acknowledge", left);
            }
            launch();
        }
        reconfiguring.scheduleWithFixedDelay(this::syncLatchFile, LATCH_SYNC_MILLIS, LATCH_SYNC_MILLIS,
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private io.upwell.engine.core.internal.safety.LatchFile latchFile() {
        return new io.upwell.engine.core.internal.safety.LatchFile(settings.dataDirectory());
    }

    /** Writes the latch file when the latch changed; on the runtime's thread, never the control thread's. */
    void syncLatchFile() {
        java.util.Set<SafetyLatch.Cause> now = latch.causes();
        if (now.equals(persisted)) {
            return;
        }
        io.upwell.engine.core.internal.safety.LatchFile file;
        synchronized (lock) {
            file = latchFile();
        }
        try {
            file.write(now);
            persisted = now;
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("the latch file in {} cannot be written ({}); the latch holds in memory", settings.dataDirectory(),
                    e.toString());
        }
    }

    /** Stops the engine in order, the latch file brought up to date; idempotent. */
    public void stop() {
        synchronized (lock) {
            withdraw();
        }
        reconfiguring.shutdown();
        try {
            reconfiguring.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        syncLatchFile();
    }

    /** The engine running now. */
    public Engine engine() {
        synchronized (lock) {
            return running.engine();
        }
    }

    /** The settings waiting for the live session to end, or null. */
    public EngineSettings pending() {
        synchronized (lock) {
            return pending;
        }
    }

    /**
     * Takes a new configuration.
     *
     * @param next builds the settings; an {@link IllegalArgumentException} from it names what is wrong
     * @return what was done, for the log and the caller
     */
    public String reconfigure(Supplier<EngineSettings> next) {
        synchronized (lock) {
            if (running == null) {
                return "the engine is stopped; the configuration is not applied";
            }
        }
        EngineSettings proposed;
        try {
            proposed = next.get();
        } catch (IllegalArgumentException e) {
            String message = "configuration rejected, the engine keeps running unchanged: " + e.getMessage();
            LOG.error(message);
            engine().recordEngineEvent("configuration-rejected", Map.of("reason", e.getMessage()));
            return message;
        }
        synchronized (lock) {
            if (proposed.equals(settings)) {
                pending = null;
                return "configuration unchanged";
            }
            if (running.engine().hasLiveSession()) {
                pending = proposed;
                String message = "configuration accepted; it applies when the running session has ended";
                LOG.info(message);
                running.engine().recordEngineEvent("configuration-pending", Map.of());
                return message;
            }
            pending = null;
            String failure = restartWith(proposed);
            return failure == null ? "configuration applied: the engine restarted with it" : failure;
        }
    }

    private void applyPendingIfIdle() {
        synchronized (lock) {
            if (pending != null && running != null && !running.engine().hasLiveSession()) { // null: stopped
                EngineSettings next = pending;
                pending = null;
                String failure = restartWith(next);
                LOG.info(failure == null ? "the configuration held back during the session is applied now" : failure);
            }
        }
    }

    /**
     * Replaces the engine with one on {@code next}. An engine that cannot start on it (its data
     * directory is unusable, say) is not left as nothing: the engine starts again on the settings it
     * had, and the refusal names the cause.
     *
     * @return null when applied, otherwise the refusal
     */
    private String restartWith(EngineSettings next) {
        EngineSettings previous = settings;
        withdraw();
        settings = next;
        try {
            launch();
            return null;
        } catch (RuntimeException e) {
            String message = "configuration rejected: the engine could not start with it (" + Failures.describe(e)
                    + "); it runs on its previous configuration";
            LOG.error(message);
            settings = previous;
            launch();
            running.engine().recordEngineEvent("configuration-rejected", Map.of("reason", message));
            return message;
        }
    }

    private void launch() {
        running = launcher.launch(settings, latch, alarms);
        Engine engine = running.engine();
        // Listeners first: a driver connects on its own threads as soon as it is added, and a listener
        // handed over after it would miss the device becoming ready.
        listeners.forEach(engine::addListener);
        screeningRules.forEach(r -> engine.addScreeningRule(r.rule(), r.module()));
        if (treatmentHistory != null) {
            engine.useTreatmentHistory(treatmentHistory.history(), treatmentHistory.module());
        }
        drivers.forEach(engine::addDriver);
        techniques.forEach(t -> engine.addTechnique(t.technique(), t.module(), t.origin()));
        engine.addListener(new EngineListener() {
            @Override
            public void sessionChanged(String sessionId, SessionState from, SessionState to, String reason) {
                if (to.isFinal()) {
                    // Not on the engine's own event thread: replacing the engine stops that thread.
                    reconfiguring.execute(EngineRuntime.this::applyPendingIfIdle);
                }
            }
        });
        publication = publisher.publish(engine);
    }

    private void withdraw() {
        if (publication != null) {
            try {
                publication.close();
            } catch (Exception e) {
                LOG.warn("withdrawing the engine's services failed", e);
            }
            publication = null;
        }
        if (running != null) {
            running.close();
            running = null;
        }
    }

    public void addDriver(DeviceDriver driver) {
        synchronized (lock) {
            drivers.add(driver);
            if (running != null) {
                running.engine().addDriver(driver);
            }
        }
    }

    public void removeDriver(DeviceDriver driver) {
        synchronized (lock) {
            drivers.remove(driver);
            if (running != null) {
                running.engine().removeDriver(driver);
            }
        }
    }

    public void addTechnique(Technique technique, String module) {
        addTechnique(technique, module, Engine.ORIGIN_BUNDLE);
    }

    public void addTechnique(Technique technique, String module, String origin) {
        synchronized (lock) {
            techniques.add(new TechniqueBinding(technique, module, origin));
            if (running != null) {
                running.engine().addTechnique(technique, module, origin);
            }
        }
    }

    /** A technique service's properties changed (a module updated it in place): it is described afresh. */
    public void updateTechnique(Technique technique, String module, String origin) {
        synchronized (lock) {
            techniques.removeIf(t -> t.technique() == technique);
            techniques.add(new TechniqueBinding(technique, module, origin));
            if (running != null) {
                running.engine().updateTechnique(technique, module, origin);
            }
        }
    }

    public void removeTechnique(Technique technique) {
        synchronized (lock) {
            techniques.removeIf(t -> t.technique() == technique);
            if (running != null) {
                running.engine().removeTechnique(technique);
            }
        }
    }

    public void addListener(EngineListener listener) {
        synchronized (lock) {
            listeners.add(listener);
            if (running != null) {
                running.engine().addListener(listener);
            }
        }
    }

    public void removeListener(EngineListener listener) {
        synchronized (lock) {
            listeners.remove(listener);
            if (running != null) {
                running.engine().removeListener(listener);
            }
        }
    }

    public void addScreeningRule(io.upwell.api.screening.ScreeningRule rule, String module) {
        synchronized (lock) {
            screeningRules.add(new RuleBinding(rule, module));
            if (running != null) {
                running.engine().addScreeningRule(rule, module);
            }
        }
    }

    public void removeScreeningRule(io.upwell.api.screening.ScreeningRule rule) {
        synchronized (lock) {
            screeningRules.removeIf(r -> r.rule() == rule);
            if (running != null) {
                running.engine().removeScreeningRule(rule);
            }
        }
    }

    public void useTreatmentHistory(io.upwell.api.history.TreatmentHistory history, String module) {
        synchronized (lock) {
            treatmentHistory = new HistoryBinding(history, module);
            if (running != null) {
                running.engine().useTreatmentHistory(history, module);
            }
        }
    }

    public void dropTreatmentHistory(io.upwell.api.history.TreatmentHistory history) {
        synchronized (lock) {
            if (treatmentHistory != null && treatmentHistory.history() == history) {
                treatmentHistory = null;
            }
            if (running != null) {
                running.engine().dropTreatmentHistory(history);
            }
        }
    }
}
