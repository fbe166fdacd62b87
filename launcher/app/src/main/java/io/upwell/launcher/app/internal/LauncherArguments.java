package io.upwell.launcher.app.internal;

import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The command line as the bnd launcher hands it over: before it calls the {@code main.thread}
 * service, the launcher registers itself as a service whose {@value #PROPERTY} property holds the
 * arguments as a {@code String[]} (aQute.launcher.Launcher, LauncherConstants.LAUNCHER_ARGUMENTS).
 */
final class LauncherArguments {

    static final String PROPERTY = "launcher.arguments";

    private LauncherArguments() {
    }

    /** The arguments, or empty when no bnd launcher runs this framework (an embedding or a test container). */
    static Optional<List<String>> read(BundleContext context) {
        ServiceReference<?>[] references;
        try {
            // All references, not only class-compatible ones: the launcher's class is not visible to this bundle.
            references = context.getAllServiceReferences(null, "(" + PROPERTY + "=*)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("filter for " + PROPERTY + " is malformed", e);
        }
        if (references == null) {
            return Optional.empty();
        }
        for (ServiceReference<?> reference : references) {
            if (reference.getProperty(PROPERTY) instanceof String[] arguments) {
                return Optional.of(List.of(arguments));
            }
        }
        return Optional.empty();
    }
}
