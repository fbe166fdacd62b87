package io.upwell.plugins.programs.internal;

import io.upwell.api.install.InstallProblem;
import io.upwell.api.install.InstallReport;
import io.upwell.api.session.EngineProperties;
import io.upwell.api.technique.Technique;
import io.upwell.plugins.programs.validation.ProgramReport;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Program files in the engine's technique folder, handed over by Felix FileInstall: a valid file
 * becomes a {@link Technique} service (origin: the file), an update that validates replaces it in
 * place, an update that does not keeps the version in use and is reported, and a deleted file's
 * technique leaves. What is refused is reported through {@link InstallReport} and the log, naming
 * the file, the line and what is wrong.
 */
@Component(service = { ArtifactInstaller.class, InstallReport.class })
public final class ProgramInstaller implements ArtifactInstaller, InstallReport {

    /** Service property that changes with each accepted update, so that the engine describes the technique afresh. */
    static final String REVISION = "upwell.technique.revision";

    private final Logger log = LoggerFactory.getLogger(ProgramInstaller.class);
    private final BundleContext context;
    private final Map<Path, Installed> installed = new HashMap<>();
    private final Map<Path, InstallProblem> problems = new LinkedHashMap<>();

    /** A file's technique, its registration and how many updates it has had. */
    private static final class Installed {
        final SwappableTechnique technique;
        final ServiceRegistration<Technique> registration;
        int revision;

        Installed(SwappableTechnique technique, ServiceRegistration<Technique> registration) {
            this.technique = technique;
            this.registration = registration;
        }
    }

    @Activate
    public ProgramInstaller(BundleContext context) {
        this.context = context;
    }

    @Deactivate
    synchronized void deactivate() {
        for (Installed each : installed.values()) {
            try {
                each.registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
        }
        installed.clear();
        problems.clear();
    }

    @Override
    public boolean canHandle(File artifact) {
        return artifact.getName().endsWith(".json") && artifact.isFile();
    }

    @Override
    public synchronized void install(File artifact) {
        Path file = key(artifact);
        ProgramReport report = ProgramLoader.load(file, idsOfOtherFiles(file));
        if (!report.valid()) {
            refused(file, "not installed", report);
            return;
        }
        ProgramTechnique technique = (ProgramTechnique) report.technique().orElseThrow();
        SwappableTechnique service = new SwappableTechnique(technique);
        ServiceRegistration<Technique> registration = context.registerService(Technique.class, service,
                properties(file, 0));
        installed.put(file, new Installed(service, registration));
        problems.remove(file);
        log.info("{}: program {} {} installed", file, technique.descriptor().id(), technique.descriptor().version());
    }

    @Override
    public synchronized void update(File artifact) {
        Path file = key(artifact);
        Installed current = installed.get(file);
        if (current == null) {
            install(artifact); // an earlier version was refused: this is its first valid one, or not
            return;
        }
        ProgramReport report = ProgramLoader.load(file, idsOfOtherFiles(file));
        if (!report.valid()) {
            refused(file, "update refused; version " + current.technique.descriptor().version() + " stays in use",
                    report);
            return;
        }
        ProgramTechnique next = (ProgramTechnique) report.technique().orElseThrow();
        current.technique.swap(next);
        current.revision++;
        current.registration.setProperties(properties(file, current.revision));
        problems.remove(file);
        log.info("{}: program {} updated to {}", file, next.descriptor().id(), next.descriptor().version());
    }

    @Override
    public synchronized void uninstall(File artifact) {
        Path file = key(artifact);
        Installed gone = installed.remove(file);
        problems.remove(file);
        if (gone != null) {
            gone.registration.unregister();
            log.info("{}: program {} removed", file, gone.technique.descriptor().id());
        }
    }

    @Override
    public synchronized List<InstallProblem> problems() {
        return new ArrayList<>(problems.values());
    }

    private void refused(Path file, String outcome, ProgramReport report) {
        String why = report.problems().stream().map(Object::toString).collect(Collectors.joining("; "));
        InstallProblem problem = new InstallProblem(file.toString(), "program file " + outcome + ": " + why,
                Instant.now());
        InstallProblem before = problems.put(file, problem);
        if (before == null || !before.problem().equals(problem.problem())) {
            log.warn("{}: {}", file, problem.problem());
        }
    }

    private Set<String> idsOfOtherFiles(Path file) {
        return installed.entrySet().stream().filter(e -> !e.getKey().equals(file))
                .map(e -> e.getValue().technique.descriptor().id()).collect(Collectors.toSet());
    }

    private static Hashtable<String, Object> properties(Path file, int revision) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(EngineProperties.TECHNIQUE_ORIGIN, file.toString());
        properties.put(REVISION, revision);
        return properties;
    }

    private static Path key(File artifact) {
        return artifact.toPath().toAbsolutePath().normalize();
    }
}
