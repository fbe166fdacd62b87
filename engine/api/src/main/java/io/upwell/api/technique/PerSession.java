package io.upwell.api.technique;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What a technique remembers about each session it serves, for adaptive techniques: the technique
 * service is shared by every session, and the core hands each of a session's observations the very
 * {@link PlanRequest} object it planned for. State is found by that object's identity (two sessions
 * with equal requests still get their own) and held only as long as the core holds the request, so
 * a finished session's state goes without the technique having to hear of its end.
 *
 * @param <T> the state kept per session
 */
public final class PerSession<T> {

    /** Makes a session's state from its request, the first time the session is seen. */
    @FunctionalInterface
    public interface Factory<T> {
        T create(PlanRequest request) throws TechniqueException;
    }

    private record Entry<T>(WeakReference<PlanRequest> request, T state) {
    }

    private final Factory<T> factory;
    private final List<Entry<T>> entries = new ArrayList<>();

    public PerSession(Factory<T> factory) {
        this.factory = factory;
    }

    /** The session's state, made on first use; the states of sessions already over are let go here. */
    public synchronized T of(PlanRequest request) throws TechniqueException {
        for (Iterator<Entry<T>> it = entries.iterator(); it.hasNext();) {
            Entry<T> entry = it.next();
            PlanRequest held = entry.request().get();
            if (held == null) {
                it.remove();
            } else if (held == request) {
                return entry.state();
            }
        }
        T state = factory.create(request);
        entries.add(new Entry<>(new WeakReference<>(request), state));
        return state;
    }

    /** How many sessions have state now. */
    public synchronized int size() {
        entries.removeIf(entry -> entry.request().get() == null);
        return entries.size();
    }
}
