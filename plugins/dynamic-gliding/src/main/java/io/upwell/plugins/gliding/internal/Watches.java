package io.upwell.plugins.gliding.internal;

import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.TechniqueException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The seal watch of every session this technique serves, found by the session's request. The
 * technique service is shared by every session, and the core hands each of a session's observations
 * the very request it planned for: the watch is looked up by that object's identity (two sessions
 * with equal requests still get a watch each) and held only as long as the core holds the request.
 */
final class Watches {

    private record Entry(WeakReference<PlanRequest> request, SealWatch watch) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** The session's watch, made from its request on the first observation. */
    synchronized SealWatch of(PlanRequest request) throws TechniqueException {
        for (Iterator<Entry> it = entries.iterator(); it.hasNext();) {
            Entry entry = it.next();
            PlanRequest held = entry.request().get();
            if (held == null) {
                it.remove(); // the session is over and the core let go of its request
            } else if (held == request) {
                return entry.watch();
            }
        }
        SealWatch watch = new SealWatch(GlidePlan.of(request));
        entries.add(new Entry(new WeakReference<>(request), watch));
        return watch;
    }

    /** How many sessions are watched, for tests. */
    synchronized int size() {
        entries.removeIf(entry -> entry.request().get() == null);
        return entries.size();
    }
}
