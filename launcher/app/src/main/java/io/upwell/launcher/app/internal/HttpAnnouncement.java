package io.upwell.launcher.app.internal;

import io.upwell.engine.access.UserAdministration;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Tells the shell's user where the console is, once the HTTP server is up, and, on a first start,
 * the one-time setup code that lets the first administrator be created (the access bundle logs it too).
 */
final class HttpAnnouncement {

    /** How long the shell waits for the HTTP server before saying that it did not start. */
    static final Duration HTTP_BOUND = Duration.ofSeconds(15);
    /** The Servlet Whiteboard's runtime service: registered once Jetty listens. */
    static final String RUNTIME = "org.osgi.service.servlet.runtime.HttpServiceRuntime";

    private HttpAnnouncement() {
    }

    static void announce(BundleContext context, HttpSettings.Decision decision, Consumer<String> console)
            throws InterruptedException {
        if (!decision.serving()) {
            console.accept("HTTP: off (" + HttpSettings.NO_HTTP_OPTION + ")");
            return;
        }
        String url = decision.url();
        if (!await(context, "(objectClass=" + RUNTIME + ")", HTTP_BOUND)) {
            console.accept("HTTP: not serving: the server did not start on " + url + " (is the port taken?"
                    + " upwell-data/upwell.log says why); the shell works without it");
            return;
        }
        console.accept("Console: " + url + "console/  (API " + url + "api/, administration " + url + "system/console)");
        setupCode(context).ifPresent(code -> console.accept("First start: no user exists yet. Setup code " + code
                + ": create the first admin at " + url + "console/ with it, or type: users add NAME --role admin"));
    }

    private static Optional<String> setupCode(BundleContext context) throws InterruptedException {
        ServiceTracker<UserAdministration, UserAdministration> tracker =
                new ServiceTracker<>(context, UserAdministration.class, null);
        tracker.open();
        try {
            UserAdministration users = tracker.waitForService(HTTP_BOUND.toMillis());
            return users == null ? Optional.empty() : users.setupCode();
        } finally {
            tracker.close();
        }
    }

    private static boolean await(BundleContext context, String filter, Duration bound) throws InterruptedException {
        Filter compiled;
        try {
            compiled = context.createFilter(filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("filter " + filter + " is malformed", e);
        }
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, compiled, null);
        tracker.open(true);
        try {
            return tracker.waitForService(bound.toMillis()) != null;
        } finally {
            tracker.close();
        }
    }
}
