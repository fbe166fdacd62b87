package io.upwell.launcher.app.internal;

import io.upwell.api.install.InstallProblem;
import io.upwell.api.install.InstallReport;
import io.upwell.api.session.AvailableTechnique;
import io.upwell.api.session.SessionService;
import io.upwell.api.technique.Technique;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The techniques the engine offers once it has described them. The engine describes each technique
 * service asynchronously after it arrives, and FileInstall installs the technique folder's modules
 * on a thread of its own after start, so a list read at once may be short. This waits, with a bound,
 * until every module jar in the technique folder is installed and every registered technique
 * service is listed, or, when one never will be (it failed to describe itself, or its id was taken),
 * until nothing has changed for {@link #QUIET}.
 *
 * @param techniques what the engine lists
 * @param services   how many technique services are registered; more than listed means some are missing
 * @param problems   what the technique folder holds and is not in use, with why ({@link InstallReport})
 * @param notStarted jars in the technique folder not (yet) installed and started when the wait ended
 */
record InstalledTechniques(List<AvailableTechnique> techniques, int services, List<InstallProblem> problems,
        List<Path> notStarted) {

    /** The longest wait. */
    static final Duration BOUND = Duration.ofSeconds(10);
    /** How long an unchanged but incomplete picture must stay so to be taken as final. */
    static final Duration QUIET = Duration.ofSeconds(1);
    private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();

    InstalledTechniques {
        techniques = List.copyOf(techniques);
        problems = List.copyOf(problems);
        notStarted = List.copyOf(notStarted);
    }

    /** Technique services the engine does not list (see the log or the engine's alarms for why). */
    int missing() {
        return Math.max(0, services - techniques.size());
    }

    static InstalledTechniques await(BundleContext context, SessionService engine) {
        InstalledTechniques listed = await(() -> count(context), () -> folder(context), engine::techniques,
                System::nanoTime, BOUND, QUIET);
        return new InstalledTechniques(listed.techniques(), listed.services(), problems(context), listed.notStarted());
    }

    /**
     * The technique folder's jars as the wait sees them.
     *
     * @param notStarted  not installed yet, or installed and not started (nor reported unable to start)
     * @param noServices  started but with no service registered yet: Declarative Services registers a
     *                    module's techniques just after it starts
     */
    record Folder(List<Path> notStarted, List<Path> noServices) {

        static final Folder SETTLED = new Folder(List.of(), List.of());

        Folder {
            notStarted = List.copyOf(notStarted);
            noServices = List.copyOf(noServices);
        }
    }

    /**
     * Waits until every folder jar is started with its services and {@code listed} holds at least
     * {@code services} techniques; or, with every folder jar started, until neither the list, the count
     * nor the folder has changed for {@code quiet} (a module that registers nothing, a technique that
     * never describes itself); or until {@code bound} has passed: whichever comes first. A jar
     * FileInstall never installs (not a bundle at all) therefore costs the whole bound, and is named.
     */
    static InstalledTechniques await(IntSupplier services, Supplier<Folder> folder,
            Supplier<List<AvailableTechnique>> listed, LongSupplier nanoTime, Duration bound, Duration quiet) {
        long start = nanoTime.getAsLong();
        List<Object> seen = null;
        long unchangedSince = start;
        while (true) {
            // In this order: a module the folder has installed registered its techniques while it started,
            // so the count read after it includes them, and the list read last is the newest.
            Folder jars = folder.get();
            List<Path> pending = jars.notStarted();
            boolean installed = pending.isEmpty();
            int registered = services.getAsInt();
            List<AvailableTechnique> techniques = listed.get();
            long now = nanoTime.getAsLong();
            List<Object> picture = List.of(techniques, registered, jars);
            if (!picture.equals(seen)) {
                seen = picture;
                unchangedSince = now;
            }
            boolean complete = installed && jars.noServices().isEmpty() && techniques.size() >= registered;
            boolean settled = installed && now - unchangedSince >= quiet.toNanos();
            if (complete || settled || now - start >= bound.toNanos()) {
                return new InstalledTechniques(techniques, registered, List.of(), pending);
            }
            LockSupport.parkNanos(POLL_NANOS);
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

    /**
     * The technique folder's jars not yet installed as a bundle that is ACTIVE, a fragment, or
     * reported by an {@link InstallReport} as unable to start (a missing requirement), and those
     * ACTIVE without a service yet; nothing when there is no folder or it cannot be read. FileInstall installs a jar, then starts it: in between
     * its techniques are not registered yet.
     */
    static Folder folder(BundleContext context) {
        Optional<Path> folder = TechniqueFolder.configured(context);
        if (folder.isEmpty()) {
            return Folder.SETTLED;
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(folder.get())) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).map(f -> f.toAbsolutePath().normalize())
                    .toList();
        } catch (IOException | SecurityException e) {
            return Folder.SETTLED;
        }
        List<Bundle> bundles;
        try {
            bundles = List.of(context.getBundles());
        } catch (IllegalStateException stopping) {
            return Folder.SETTLED;
        }
        List<Path> pending = new ArrayList<>();
        List<Path> noServices = new ArrayList<>();
        List<Path> refused = problems(context).stream().map(p -> path("file:" + p.artifact())).toList();
        for (Path jar : jars) {
            Optional<Bundle> bundle = bundles.stream().filter(b -> jar.equals(path(b.getLocation()))).findFirst();
            if (bundle.isEmpty()) {
                pending.add(jar); // not installed yet
                continue;
            }
            boolean fragment = bundle.get().getHeaders("").get(org.osgi.framework.Constants.FRAGMENT_HOST) != null;
            if (bundle.get().getState() != Bundle.ACTIVE && !fragment && !refused.contains(jar)) {
                pending.add(jar); // installed, not started yet, and not reported as unable to start
            } else if (bundle.get().getState() == Bundle.ACTIVE && bundle.get().getRegisteredServices() == null) {
                noServices.add(jar);
            }
        }
        return new Folder(pending, noServices);
    }

    /** A bundle location's file ({@code file:/...}), or a problem's artifact path given as {@code file:<path>}. */
    private static Path path(String location) {
        if (location == null || !location.startsWith("file:")) {
            return null;
        }
        try {
            return Path.of(URI.create(location)).toAbsolutePath().normalize();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            try {
                return Path.of(location.substring("file:".length())).toAbsolutePath().normalize();
            } catch (java.nio.file.InvalidPathException notAPath) {
                return null;
            }
        }
    }

    /** What every {@link InstallReport} says is offered and not in use. */
    private static List<InstallProblem> problems(BundleContext context) {
        List<InstallProblem> problems = new ArrayList<>();
        try {
            for (ServiceReference<InstallReport> reference : context.getServiceReferences(InstallReport.class, null)) {
                InstallReport report = context.getService(reference);
                if (report != null) {
                    try {
                        problems.addAll(Objects.requireNonNullElse(report.problems(), List.of()));
                    } finally {
                        context.ungetService(reference);
                    }
                }
            }
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return problems;
        }
        return problems;
    }
}
