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
    private final java.util.concurrent.ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "upwell-module-watch");
        thread.setDaemon(true);
        return thread;
    });
    /** How long after a module's file changed it is judged: two of FileInstall's scans, 0.4 to 5 s. */
    private final java.time.Duration settle;
    private final Map<Long, InstallProblem> problems = new LinkedHashMap<>();
    /** Per module, the last version of its file that started: what a broken update is rolled back to. */
    private final Map<Long, LastGood> lastGood = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per module rolled back, the broken file's stamp: the problem stays until the file changes again. */
    private final Map<Long, String> rolledBack = new java.util.concurrent.ConcurrentHashMap<>();

    /** A module file's content and version as it was when the module last started. */
    private record LastGood(byte[] jar, String version) {
    }

    /** A module file larger than this is not kept for a rollback. */
    static final long MAX_KEPT_BYTES = 16L << 20;

    /**
     * @param engine not used: it makes the component wait for a running engine, by which time the
     *               log is set up (a logger made before slf4j's provider is found stays silent for good),
     *               and what it reports matters only to the engine's users
     */
    @Activate
    public ModuleWatch(BundleContext context, @Reference SessionService engine) {
        this.context = context;
        this.folder = TechniqueFolder.configured(context).orElse(null);
        this.settle = settle(context.getProperty("felix.fileinstall.poll"));
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
            // A dropped file is judged once FileInstall has had its scan to refresh and start it: judging it
            // at once raced FileInstall for Felix's resolver, and either side could lose.
            case BundleEvent.INSTALLED, BundleEvent.UPDATED -> checks.schedule(() -> check(bundle, true),
                    settle.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            case BundleEvent.UNRESOLVED -> checks.schedule(() -> check(bundle, false), settle.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
            case BundleEvent.STARTED -> checks.execute(() -> {
                clear(bundle);
                remember(bundle);
            });
            case BundleEvent.RESOLVED -> checks.execute(() -> clear(bundle));
            case BundleEvent.UNINSTALLED -> checks.execute(() -> {
                rolledBack.remove(bundle.getBundleId());
                lastGood.remove(bundle.getBundleId());
                clear(bundle);
            });
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
                check(bundle, false);
            }
        }
    }

    /**
     * Resolves a module left INSTALLED; if it cannot resolve, starting it names the missing requirement.
     *
     * @param dropped the module's file was just installed or updated, so FileInstall means it to run
     */
    private void check(Bundle bundle, boolean dropped) {
        // The framework's resolver is shared with FileInstall, which refreshes and starts modules on its
        // own thread: a resolution that found the resolver busy says nothing about the module, so it is
        // tried again rather than reported (or worse, rolled back).
        for (int attempt = 1; attempt <= RESOLVER_BUSY_ATTEMPTS; attempt++) {
            if (!checkOnce(bundle, dropped) || attempt == RESOLVER_BUSY_ATTEMPTS) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(START_RETRY_NANOS);
        }
    }

    static java.time.Duration settle(String pollMillis) {
        long poll = 2000; // FileInstall's default scan interval
        try {
            if (pollMillis != null) {
                poll = Long.parseLong(pollMillis.trim());
            }
        } catch (NumberFormatException e) {
            // FileInstall falls back to its default too
        }
        return java.time.Duration.ofMillis(Math.max(400, Math.min(5000, 2 * poll)));
    }

    /** How often a check meets a busy resolver before it reports what it found. */
    private static final int RESOLVER_BUSY_ATTEMPTS = 40;

    /** @return true when the resolver was busy and nothing could be judged: try again */
    private boolean checkOnce(Bundle bundle, boolean dropped) {
        if (dropped && bundle.getState() == Bundle.RESOLVED) {
            // FileInstall starts what it installs or updates; resolved and still stopped after its scans,
            // it gave up (its start met another resolution): start it as it would have.
            startAsFileInstallWould(bundle);
            return false;
        }
        if (bundle.getState() != Bundle.INSTALLED) {
            return false;
        }
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        if (wiring.resolveBundles(Set.of(bundle))) {
            clear(bundle);
            if (dropped) {
                startAsFileInstallWould(bundle);
            }
            return false;
        }
        String why;
        try {
            bundle.start(); // what FileInstall does for a new module; here for its reason
            clear(bundle);
            return false;
        } catch (BundleException e) {
            if (e.getType() != BundleException.RESOLVE_ERROR) {
                return false; // not about its requirements: FileInstall starting or stopping it at the same moment
            }
            why = e.getMessage();
        } catch (IllegalStateException uninstalled) {
            return false; // removed while it was being checked; its removal is handled next
        }
        if (bundle.getState() != Bundle.INSTALLED) {
            return false; // it resolved after all, or was removed, while it was being checked
        }
        if (why != null && why.contains("Unable to acquire global lock")) {
            return true; // Felix's resolver was busy (FileInstall refreshing): nothing is known yet
        }
        String artifact = artifact(bundle);
        String text = "module " + bundle.getSymbolicName() + " " + bundle.getVersion() + " cannot be used: " + why;
        LastGood good = lastGood.get(bundle.getBundleId());
        if (good != null && rollBack(bundle, good)) {
            text = "update refused, version " + good.version() + " stays in use: " + text;
            rolledBack.put(bundle.getBundleId(), stamp(bundle));
        }
        InstallProblem problem = new InstallProblem(artifact, text, Instant.now());
        InstallProblem before;
        synchronized (problems) {
            before = problems.put(bundle.getBundleId(), problem);
        }
        if (before == null || !before.problem().equals(problem.problem())) {
            log.warn("{}: {}", artifact, problem.problem());
        }
        return false;
    }

    /**
     * Puts back the version that last started: FileInstall replaces a module whatever the new file
     * holds, and a replacement that cannot resolve would otherwise leave no version at all.
     */
    private boolean rollBack(Bundle bundle, LastGood good) {
        try {
            bundle.update(new java.io.ByteArrayInputStream(good.jar()));
        } catch (BundleException | IllegalStateException e) {
            log.warn("{}: the previous version {} could not be put back: {}", artifact(bundle), good.version(),
                    e.getMessage());
            return false;
        }
        // FileInstall refreshes and starts modules on its own thread at the same time: the framework's
        // resolver lock may be taken for a moment, so starting is tried again a few times.
        BundleException last = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            try {
                bundle.start();
                return true;
            } catch (BundleException e) {
                last = e;
                java.util.concurrent.locks.LockSupport.parkNanos(START_RETRY_NANOS);
            } catch (IllegalStateException uninstalled) {
                return false;
            }
        }
        log.warn("{}: the previous version {} was put back but did not start: {}", artifact(bundle), good.version(),
                last == null ? "" : last.getMessage());
        return true;
    }

    /**
     * Starts a module whose file was dropped, resolved but left stopped: FileInstall starts what it
     * installs or updates, but was seen to leave a module stopped when its start met another
     * resolution (or after a rollback here replaced the module behind its back). Called only after
     * FileInstall's scans have settled, so it does not race FileInstall's own refresh.
     */
    private void startAsFileInstallWould(Bundle bundle) {
        try {
            if (bundle.getState() == Bundle.RESOLVED) {
                bundle.start();
            }
        } catch (BundleException | IllegalStateException e) {
            log.debug("{}: not started here ({}); FileInstall starts it", artifact(bundle), e.getMessage());
        }
    }

    private static final int START_ATTEMPTS = 40;
    private static final long START_RETRY_NANOS = 50_000_000L;

    /** Keeps the module's file as it is now that the module started, unless this start is a rollback's. */
    private void remember(Bundle bundle) {
        if (!fromFolder(bundle) || rolledBack.containsKey(bundle.getBundleId())) {
            return;
        }
        try {
            Path file = Paths.get(java.net.URI.create(bundle.getLocation()));
            if (java.nio.file.Files.size(file) <= MAX_KEPT_BYTES) {
                lastGood.put(bundle.getBundleId(), new LastGood(java.nio.file.Files.readAllBytes(file),
                        bundle.getVersion().toString()));
            }
        } catch (java.io.IOException | RuntimeException unreadable) {
            lastGood.remove(bundle.getBundleId()); // nothing to roll back to rather than the wrong thing
        }
    }

    /** The file's size and time: a new stamp means the user replaced the file again. */
    private static String stamp(Bundle bundle) {
        try {
            Path file = Paths.get(java.net.URI.create(bundle.getLocation()));
            return java.nio.file.Files.size(file) + "@" + java.nio.file.Files.getLastModifiedTime(file);
        } catch (java.io.IOException | RuntimeException gone) {
            return "";
        }
    }

    private void clear(Bundle bundle) {
        String brokenFile = rolledBack.get(bundle.getBundleId());
        if (brokenFile != null) {
            if (brokenFile.equals(stamp(bundle))) {
                return; // the broken file is still there: its problem stays while the old version runs
            }
            rolledBack.remove(bundle.getBundleId());
        }
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
