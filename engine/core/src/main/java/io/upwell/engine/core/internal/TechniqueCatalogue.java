package io.upwell.engine.core.internal;

import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.session.AvailableTechnique;
import io.upwell.api.technique.Technique;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.engine.core.internal.session.ActiveSession;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The techniques the engine can run, by id, each with the module that brought it. A technique is
 * described on a plugin thread, asynchronously like a driver, so registering one never blocks the
 * framework; one that leaves before its description arrives is never listed.
 */
final class TechniqueCatalogue {
    private static final Logger LOG = LoggerFactory.getLogger(TechniqueCatalogue.class);

    /** A registered technique and the module that brought it. */
    record Entry(Technique technique, TechniqueDescriptor descriptor, String module, String origin) {
    }

    private final PluginCaller caller;
    private final AlarmDesk alarms;
    private final CurrentSession current;
    private final Object lock = new Object();
    private final Map<String, Entry> byId = new LinkedHashMap<>();
    /** Techniques whose description is awaited; a departure removes them here. */
    private final Map<Technique, Boolean> arriving = new IdentityHashMap<>();

    TechniqueCatalogue(PluginCaller caller, AlarmDesk alarms, CurrentSession current) {
        this.caller = caller;
        this.alarms = alarms;
        this.current = current;
    }

    /**
     * A technique service arrived; {@code module} names the bundle that brought it and {@code origin}
     * where the module got it (a program file, or "bundle"), for the operator.
     */
    void add(Technique technique, String module, String origin) {
        synchronized (lock) {
            arriving.put(technique, Boolean.TRUE);
        }
        caller.call("technique module " + module, "descriptor", technique::descriptor)
                .whenComplete((descriptor, failure) -> described(technique, module, origin, descriptor, failure));
    }

    private void described(Technique technique, String module, String origin, TechniqueDescriptor descriptor,
            Throwable failure) {
        synchronized (lock) {
            if (arriving.remove(technique) == null) {
                return; // it left while it was being described
            }
            if (failure == null && !byId.containsKey(descriptor.id())) {
                byId.put(descriptor.id(), new Entry(technique, descriptor, module, origin));
                LOG.info("technique {} {} from {} ({}) available", descriptor.id(), descriptor.version(), module,
                        origin);
                returned(descriptor.id(), technique);
                return;
            }
        }
        if (failure == null && descriptor == null) {
            failure = new IllegalStateException("descriptor() returned null");
        }
        if (failure != null) {
            alarms.raiseEngine(AlarmPriority.LOW, AlarmCondition.TECHNIQUE_FAILED, "", -1,
                    "technique module " + module + " could not describe itself: " + Failures.describe(failure), false);
        } else {
            alarms.raiseEngine(AlarmPriority.LOW, AlarmCondition.TECHNIQUE_FAILED, "", -1, "technique id '"
                    + descriptor.id() + "' from " + module + " is already taken by " + module(descriptor.id())
                    + "; ignored", false);
        }
    }

    private String module(String id) {
        synchronized (lock) {
            Entry entry = byId.get(id);
            return entry == null ? "another module" : entry.module();
        }
    }

    /** A live session whose technique left and came back under the same id (a module update) goes on with it. */
    private void returned(String id, Technique technique) {
        synchronized (current.lock) {
            ActiveSession live = current.live();
            if (live != null && live.techniqueAway() && live.request().techniqueId().equals(id)) {
                live.techniqueReturned(technique);
                LOG.info("session {}: technique {} is back", live.id(), id);
            }
        }
    }

    /**
     * A technique's service properties changed (a module updated it in place): it is described again
     * and replaces its entry. A session running it keeps its compiled program.
     */
    void update(Technique technique, String module, String origin) {
        synchronized (lock) {
            byId.values().removeIf(entry -> entry.technique() == technique);
        }
        add(technique, module, origin);
    }

    /**
     * A technique left. A session running it goes on with its compiled program for
     * {@link ActiveSession#TECHNIQUE_RETURN_NANOS}, in case the technique is coming back (a module
     * update), and otherwise ramps out naming the module (SR-11).
     */
    void remove(Technique technique) {
        Entry gone = null;
        synchronized (lock) {
            arriving.remove(technique);
            for (var it = byId.values().iterator(); it.hasNext();) {
                Entry entry = it.next();
                if (entry.technique() == technique) {
                    gone = entry;
                    it.remove();
                }
            }
        }
        if (gone == null) {
            return;
        }
        synchronized (current.lock) {
            ActiveSession live = current.live();
            if (live != null && live.technique() == technique) {
                live.techniqueLeft("technique '" + gone.descriptor().id() + "' (module " + gone.module()
                        + ") left mid-session");
                LOG.warn("session {}: technique {} (module {}) left; the session ends with a ramp-out unless it comes"
                        + " back within {} s", live.id(), gone.descriptor().id(), gone.module(),
                        ActiveSession.TECHNIQUE_RETURN_NANOS / 1_000_000_000L);
            }
        }
    }

    Entry get(String id) {
        synchronized (lock) {
            return byId.get(id);
        }
    }

    List<TechniqueDescriptor> descriptors() {
        synchronized (lock) {
            return byId.values().stream().map(Entry::descriptor).toList();
        }
    }

    List<AvailableTechnique> available() {
        synchronized (lock) {
            return byId.values().stream().map(e -> new AvailableTechnique(e.descriptor(), e.module(), e.origin()))
                    .toList();
        }
    }
}
