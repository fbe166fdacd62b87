package io.upwell.launcher.app.internal;

import io.upwell.api.session.AvailableTechnique;
import io.upwell.api.session.SessionService;
import io.upwell.api.technique.Technique;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;

/**
 * The techniques the engine offers once it has described them. The engine describes each technique
 * service asynchronously after it arrives, so a list read at once after start may be short; this
 * waits, with a bound, until every registered technique service is listed, or, when one never will
 * be (it failed to describe itself, or its id was taken), until the list has stopped changing.
 *
 * @param techniques what the engine lists
 * @param services   how many technique services are registered; more than listed means some are missing
 */
record InstalledTechniques(List<AvailableTechnique> techniques, int services) {

    /** The longest wait. */
    static final Duration BOUND = Duration.ofSeconds(15);
    /** How long an unchanged but incomplete list must stay so to be taken as final. */
    static final Duration QUIET = Duration.ofSeconds(1);
    private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();

    InstalledTechniques {
        techniques = List.copyOf(techniques);
    }

    /** Technique services the engine does not list (see the log or the engine's alarms for why). */
    int missing() {
        return Math.max(0, services - techniques.size());
    }

    static InstalledTechniques await(BundleContext context, SessionService engine) {
        return await(() -> count(context), engine::techniques, System::nanoTime, BOUND, QUIET);
    }

    /**
     * Waits until {@code listed} holds at least {@code services} techniques, or holds the same list
     * for {@code quiet}, or {@code bound} has passed: whichever comes first.
     */
    static InstalledTechniques await(IntSupplier services, Supplier<List<AvailableTechnique>> listed, LongSupplier nanoTime,
            Duration bound, Duration quiet) {
        long start = nanoTime.getAsLong();
        List<AvailableTechnique> last = listed.get();
        long unchangedSince = start;
        while (true) {
            int registered = services.getAsInt();
            long now = nanoTime.getAsLong();
            if (last.size() >= registered || now - unchangedSince >= quiet.toNanos()
                    || now - start >= bound.toNanos()) {
                return new InstalledTechniques(last, registered);
            }
            LockSupport.parkNanos(POLL_NANOS);
            List<AvailableTechnique> next = listed.get();
            if (!next.equals(last)) {
                last = next;
                unchangedSince = nanoTime.getAsLong();
            }
        }
    }

    private static int count(BundleContext context) {
        try {
            return context.getServiceReferences(Technique.class, null).size();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("no filter, yet: " + e.getMessage(), e);
        } catch (IllegalStateException stopping) {
            return 0; // the framework is stopping: nothing more will be described
        }
    }
}
