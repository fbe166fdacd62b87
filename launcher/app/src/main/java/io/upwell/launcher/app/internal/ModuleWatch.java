package io.upwell.launcher.app.internal;

import io.upwell.api.install.InstallProblem;
import io.upwell.api.install.InstallReport;
import io.upwell.api.session.SessionService;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the modules dropped into the technique folder. Felix FileInstall installs and starts them,
 * but leaves one whose requirements are missing silently INSTALLED: this notices, tries to resolve
 * it, and reports the missing requirement (in the log, once per version of the file, and to the
 * {@code techniques} listing through {@link InstallReport}) until the module resolves or is removed.
 */
@Component(service = InstallReport.class, immediate = true)
public final class ModuleWatch implements InstallReport, BundleListener, FrameworkListener {
    private final Logger log = LoggerFactory.getLogger(ModuleWatch.class);

    private final BundleContext context;
    private final Path folder;
    private final ExecutorService checks = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "upwell-module-watch");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, InstallProblem> problems = new LinkedHashMap<>();

    /**
     * @param engine not used: it makes the component wait for a running engine, by which time the
     *               log is set up (a logger made before slf4j's provider is found stays silent for good),
     *               and what it reports matters only to the engine's users
     */
    @Activate
    public ModuleWatch(BundleContext context, @Reference SessionService engine) {
        this.context = context;
        this.folder = TechniqueFolder.configured(context).orElse(null);
        context.addBundleListener(this);
        context.addFrameworkListener(this);
        checks.execute(this::checkAll);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
        context.removeFrameworkListener(this);
        checks.shutdownNow();
    }

    @Override
    public List<InstallProblem> problems() {
        synchronized (problems) {
            return new ArrayList<>(problems.values());
        }
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        if (!fromFolder(bundle)) {
            return;
        }
        // Checks and clears run one at a time in the order of the events, so that a check begun before the
        // module was removed cannot report it again after its removal was handled.
        switch (event.getType()) {
            case BundleEvent.INSTALLED, BundleEvent.UPDATED, BundleEvent.UNRESOLVED ->
                checks.execute(() -> check(bundle));
            case BundleEvent.RESOLVED, BundleEvent.STARTED, BundleEvent.UNINSTALLED ->
                checks.execute(() -> clear(bundle));
            default -> {
                // started, stopped: resolution did not change
            }
        }
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
            checks.execute(this::checkAll);
        }
    }

    private void checkAll() {
        for (Bundle bundle : context.getBundles()) {
            if (fromFolder(bundle)) {
                check(bundle);
            }
        }
    }

    /** Resolves a module left INSTALLED; if it cannot resolve, starting it names the missing requirement. */
    private void check(Bundle bundle) {
        if (bundle.getState() != Bundle.INSTALLED) {
            return;
        }
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        if (wiring.resolveBundles(Set.of(bundle))) {
            clear(bundle);
            return;
        }
        String why;
        try {
            bundle.start(); // what FileInstall does for a new module; here for its reason
            clear(bundle);
            return;
        } catch (BundleException e) {
            if (e.getType() != BundleException.RESOLVE_ERROR) {
                return; // not about its requirements: FileInstall starting or stopping it at the same moment
            }
            why = e.getMessage();
        } catch (IllegalStateException uninstalled) {
            return; // removed while it was being checked; its removal is handled next
        }
        if (bundle.getState() != Bundle.INSTALLED) {
            return; // it resolved after all, or was removed, while it was being checked
        }
        String artifact = artifact(bundle);
        InstallProblem problem = new InstallProblem(artifact, "module " + bundle.getSymbolicName() + " "
                + bundle.getVersion() + " cannot be used: " + why, Instant.now());
        InstallProblem before;
        synchronized (problems) {
            before = problems.put(bundle.getBundleId(), problem);
        }
        if (before == null || !before.problem().equals(problem.problem())) {
            log.warn("{}: {}", artifact, problem.problem());
        }
    }

    private void clear(Bundle bundle) {
        InstallProblem gone;
        synchronized (problems) {
            gone = problems.remove(bundle.getBundleId());
        }
        if (gone != null && bundle.getState() != Bundle.UNINSTALLED) {
            log.info("{}: module {} is resolved now", gone.artifact(), bundle.getSymbolicName());
        }
    }

    private boolean fromFolder(Bundle bundle) {
        if (folder == null) {
            return false;
        }
        String location = bundle.getLocation();
        if (!location.startsWith("file:")) {
            return false;
        }
        try {
            return Paths.get(java.net.URI.create(location)).toAbsolutePath().normalize().startsWith(folder);
        } catch (RuntimeException notAPath) {
            return false;
        }
    }

    private static String artifact(Bundle bundle) {
        try {
            return Paths.get(java.net.URI.create(bundle.getLocation())).toString();
        } catch (RuntimeException notAPath) {
            return bundle.getLocation();
        }
    }
}
