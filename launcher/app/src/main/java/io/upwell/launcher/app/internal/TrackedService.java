package io.upwell.launcher.app.internal;

import java.time.Duration;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A service awaited with a bound and held while it is used. Closing releases it; until then the
 * providing component stays active (a delayed DS component would otherwise be disposed as soon
 * as its last user lets go).
 */
final class TrackedService<T> implements AutoCloseable {

    private final ServiceTracker<T, T> tracker;
    private final T service;

    private TrackedService(ServiceTracker<T, T> tracker, T service) {
        this.tracker = tracker;
        this.service = service;
    }

    /**
     * Waits up to {@code bound} for a service of {@code type} matching {@code filter} (may be empty).
     *
     * @param missing what to tell the user when it never appears
     */
    static <T> TrackedService<T> await(BundleContext context, Class<T> type, String filter, Duration bound,
            String missing) throws NotReadyException, InterruptedException {
        String expression = "(objectClass=" + type.getName() + ")";
        if (!filter.isEmpty()) {
            expression = "(&" + expression + filter + ")";
        }
        Filter compiled;
        try {
            compiled = context.createFilter(expression);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("service filter " + expression + " is malformed: " + e.getMessage(), e);
        }
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, compiled, null);
        tracker.open();
        T service;
        try {
            service = tracker.waitForService(bound.toMillis());
        } catch (InterruptedException e) {
            tracker.close();
            throw e;
        }
        if (service == null) {
            tracker.close();
            throw new NotReadyException(missing + " (waited " + bound.toSeconds() + " s)");
        }
        return new TrackedService<>(tracker, service);
    }

    /** Holds a service some other wait already found through {@code tracker}; closing releases it. */
    static <T> TrackedService<T> of(ServiceTracker<T, T> tracker, T service) {
        return new TrackedService<>(tracker, service);
    }

    T service() {
        return service;
    }

    /** The service tracked now (a restarted engine replaces its service), or empty if it is gone. */
    Optional<T> current() {
        return Optional.ofNullable(tracker.getService());
    }

    @Override
    public void close() {
        tracker.close();
    }
}
