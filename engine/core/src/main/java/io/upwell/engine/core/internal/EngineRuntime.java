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

    /** Builds and starts an engine for settings on the machine's latch; {@link Launched#close()} stops it. */
    public interface Launcher {
        Launched launch(EngineSettings settings, SafetyLatch latch);
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

    private record TechniqueBinding(Technique technique, String module) {
    }

    private final Launcher launcher;
    private final Publisher publisher;
    /** Applies held-back configurations: one thread for the runtime's life, not one per finished session. */
    private final java.util.concurrent.ExecutorService reconfiguring =
            java.util.concurrent.Executors.newSingleThreadExecutor(Threads.named("upwell-reconfigure"));
    /** Outlives every engine this runtime starts: a configuration change never clears it. */
    private final SafetyLatch latch = new SafetyLatch();
    private final Object lock = new Object();
    private final List<DeviceDriver> drivers = new ArrayList<>();
    private final List<TechniqueBinding> techniques = new ArrayList<>();
    private final List<EngineListener> listeners = new ArrayList<>();
    private EngineSettings settings;
    private EngineSettings pending;
    private Launched running;
    private AutoCloseable publication;

    public EngineRuntime(EngineSettings settings, Launcher launcher, Publisher publisher) {
        this.settings = settings;
        this.launcher = launcher;
        this.publisher = publisher;
    }

    public void start() {
        synchronized (lock) {
            launch();
        }
    }

    /** Stops the engine in order; idempotent. */
    public void stop() {
        synchronized (lock) {
            withdraw();
        }
        reconfiguring.shutdown();
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
            settings = proposed;
            pending = null;
            restart();
            return "configuration applied: the engine restarted with it";
        }
    }

    private void applyPendingIfIdle() {
        synchronized (lock) {
            if (pending != null && running != null && !running.engine().hasLiveSession()) { // null: stopped
                settings = pending;
                pending = null;
                restart();
                LOG.info("the configuration held back during the session is applied now");
            }
        }
    }

    private void restart() {
        withdraw();
        launch();
    }

    private void launch() {
        running = launcher.launch(settings, latch);
        Engine engine = running.engine();
        drivers.forEach(engine::addDriver);
        techniques.forEach(t -> engine.addTechnique(t.technique(), t.module()));
        listeners.forEach(engine::addListener);
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
        synchronized (lock) {
            techniques.add(new TechniqueBinding(technique, module));
            if (running != null) {
                running.engine().addTechnique(technique, module);
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
}
