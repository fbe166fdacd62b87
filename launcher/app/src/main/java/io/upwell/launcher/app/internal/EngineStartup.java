package io.upwell.launcher.app.internal;

import io.upwell.api.session.EngineProperties;
import io.upwell.api.session.SessionService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Waits for the engine's {@link SessionService} and notices at once when it cannot come: the
 * engine's DS component ({@link EngineProperties#CONFIGURATION_PID}) failed to activate. That is
 * read from Declarative Services' own record ({@link ServiceComponentRuntime}'s
 * {@link ComponentConfigurationDTO}, state {@code FAILED_ACTIVATION}, field {@code failure}), not
 * from the log.
 */
final class EngineStartup {

    /** How often the service registry and the component's state are looked at while waiting. */
    private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();

    /** A leading exception class name, {@code java.lang.IllegalStateException: }. */
    private static final Pattern EXCEPTION_PREFIX = Pattern.compile("^(?:[\\w$]+\\.)*[\\w$]*(?:Exception|Error):\\s*");
    /** The engine's own opening words; the launcher's line already says it. */
    private static final String ENGINE_PREFIX = "the engine could not start: ";

    private EngineStartup() {
    }

    /**
     * Waits up to {@code bound} for a {@link SessionService} matching {@code filter} (may be empty).
     *
     * @throws EngineFailedException as soon as the engine's component is seen to have failed activation
     * @throws NotReadyException     when neither happened within the bound; {@code missing} says what to check
     */
    static TrackedService<SessionService> await(BundleContext context, String filter, Duration bound, String missing)
            throws EngineFailedException, NotReadyException, InterruptedException {
        String expression = "(objectClass=" + SessionService.class.getName() + ")";
        if (!filter.isEmpty()) {
            expression = "(&" + expression + filter + ")";
        }
        Filter compiled;
        try {
            compiled = context.createFilter(expression);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("service filter " + expression + " is malformed: " + e.getMessage(), e);
        }
        ServiceTracker<SessionService, SessionService> engine = new ServiceTracker<>(context, compiled, null);
        ServiceTracker<ServiceComponentRuntime, ServiceComponentRuntime> scr =
                new ServiceTracker<>(context, ServiceComponentRuntime.class, null);
        engine.open();
        scr.open();
        boolean handedOver = false;
        try {
            long deadline = System.nanoTime() + bound.toNanos();
            while (true) {
                SessionService service = engine.getService();
                if (service != null) {
                    handedOver = true;
                    return TrackedService.of(engine, service);
                }
                Optional<String> failure = failure(scr.getService());
                if (failure.isPresent()) {
                    throw new EngineFailedException(failure.get());
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new NotReadyException(missing + " (waited " + bound.toSeconds() + " s)");
                }
                LockSupport.parkNanos(POLL_NANOS);
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while waiting for the engine");
                }
            }
        } finally {
            scr.close();
            if (!handedOver) {
                engine.close();
            }
        }
    }

    /**
     * One line per component that failed to activate, other than the engine (which {@link #await}
     * reports): SCR itself prints nothing to the console here ({@code ds.showerrors=false}).
     */
    static List<String> otherFailures(BundleContext context) {
        ServiceTracker<ServiceComponentRuntime, ServiceComponentRuntime> tracker =
                new ServiceTracker<>(context, ServiceComponentRuntime.class, null);
        tracker.open();
        try {
            ServiceComponentRuntime scr = tracker.getService();
            List<String> failures = new ArrayList<>();
            if (scr == null) {
                return failures;
            }
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
                if (EngineProperties.CONFIGURATION_PID.equals(description.name)) {
                    continue;
                }
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        failures.add("component " + description.name + " (bundle " + description.bundle.symbolicName
                                + ") failed to activate: " + cause(configuration.failure));
                    }
                }
            }
            return failures;
        } finally {
            tracker.close();
        }
    }

    /** The cause when a configuration of the engine's component failed activation; empty otherwise or without SCR. */
    static Optional<String> failure(ServiceComponentRuntime scr) {
        if (scr == null) {
            return Optional.empty();
        }
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!EngineProperties.CONFIGURATION_PID.equals(description.name)) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    return Optional.of(cause(configuration.failure));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The first line of a DTO's {@code failure} (SCR records the exception with its stack trace),
     * without the exception's class name and without the engine repeating that it could not start.
     */
    static String cause(String failure) {
        if (failure == null || failure.isBlank()) {
            return "its component failed to activate (no cause recorded)";
        }
        String line = failure.strip().lines().findFirst().orElse("").strip();
        String before;
        do {
            // Wrapped exceptions repeat their class names: "IllegalStateException: ... UncheckedIOException: java.io.IOException: ..."
            before = line;
            line = EXCEPTION_PREFIX.matcher(line).replaceFirst("");
            if (line.startsWith(ENGINE_PREFIX)) {
                line = line.substring(ENGINE_PREFIX.length());
            }
        } while (!line.equals(before));
        return line.isEmpty() ? "its component failed to activate (no cause recorded)" : line;
    }
}
