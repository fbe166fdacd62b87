package io.upwell.engine.core.internal;

import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
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
    record Entry(Technique technique, TechniqueDescriptor descriptor, String module) {
    }

    private final PluginCaller caller;
    private final AlarmDesk alarms;
    private final CurrentSession current;
    private final Object lock = new Object();
    private final Map<String, Entry> byId = new LinkedHashMap<>();
    /** Techniques whose description is awaited, with their module; a departure removes them here. */
    private final Map<Technique, String> arriving = new IdentityHashMap<>();

    TechniqueCatalogue(PluginCaller caller, AlarmDesk alarms, CurrentSession current) {
        this.caller = caller;
        this.alarms = alarms;
        this.current = current;
    }

    /** A technique service arrived; {@code module} names the bundle that brought it, for the operator. */
    void add(Technique technique, String module) {
        synchronized (lock) {
            arriving.put(technique, module);
        }
        caller.call("technique module " + module, "descriptor", technique::descriptor)
                .whenComplete((descriptor, failure) -> described(technique, module, descriptor, failure));
    }

    private void described(Technique technique, String module, TechniqueDescriptor descriptor, Throwable failure) {
        synchronized (lock) {
            if (arriving.remove(technique) == null) {
                return; // it left while it was being described
            }
            if (failure == null && !byId.containsKey(descriptor.id())) {
                byId.put(descriptor.id(), new Entry(technique, descriptor, module));
                LOG.info("technique {} from {} available", descriptor.id(), module);
                return;
            }
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

    /** A technique left; a session running it is vented and aborted at once (SR-11). */
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
                live.ventNow(); // vent first; telling people comes after
                String message = "technique '" + gone.descriptor().id() + "' (module " + gone.module()
                        + ") left mid-session; every cup vented";
                alarms.raise(live, AlarmPriority.HIGH, AlarmCondition.TECHNIQUE_FAILED, "", -1, message, true);
                live.abort(message);
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
}
