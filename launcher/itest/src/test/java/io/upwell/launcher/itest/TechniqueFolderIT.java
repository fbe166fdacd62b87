package io.upwell.launcher.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.install.InstallProblem;
import io.upwell.api.install.InstallReport;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.session.AvailableTechnique;
import io.upwell.api.session.Client;
import io.upwell.api.session.EngineProperties;
import io.upwell.api.session.Placement;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionService;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.ParameterValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.BundleContext;

/**
 * Technique modules dropped into the engine's technique folder (Felix FileInstall) while the engine
 * runs: installed, updated and removed without a restart, and a module that cannot resolve is
 * reported with its missing requirement. The module is the example technique this reactor builds.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class TechniqueFolderIT {

    private static final String EXAMPLE = "example-pulse";
    private static final String EXAMPLE_MODULE = "io.upwell.plugins.example";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return UpwellFramework.options();
    }

    private Path folder() {
        return Path.of(context.getProperty(UpwellFramework.TECHNIQUE_FOLDER));
    }

    private static Path exampleJar() {
        return UpwellFramework.jars(UpwellFramework.EXAMPLE_MODULE, true).get(0).toPath();
    }

    /** Drops a file into the folder the way a user would: written beside it, then moved in whole. */
    private void drop(Path jar, String name) throws IOException {
        Files.createDirectories(folder()); // the launcher makes it at start; in this framework, the first drop does
        Path part = folder().resolveSibling(name + ".part");
        Files.copy(jar, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, folder().resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The example module with its manifest changed: another version, or a requirement nothing provides. */
    private Path variant(String version, String extraImport) throws IOException {
        Path out = Files.createTempFile(folder().getParent(), "example-", ".jar");
        try (JarFile in = new JarFile(exampleJar().toFile());
                OutputStream file = Files.newOutputStream(out)) {
            Manifest manifest = new Manifest(in.getManifest());
            Attributes main = manifest.getMainAttributes();
            main.putValue("Bundle-Version", version);
            if (extraImport != null) {
                main.putValue("Import-Package", main.getValue("Import-Package") + "," + extraImport);
            }
            try (JarOutputStream jar = new JarOutputStream(file, manifest)) {
                for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements();) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
                        continue;
                    }
                    jar.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream content = in.getInputStream(entry)) {
                        content.transferTo(jar);
                    }
                    jar.closeEntry();
                }
            }
        }
        return out;
    }

    /**
     * The tests of a class share one data directory, so the folder may hold what an earlier test
     * dropped (and FileInstall installed it again at this framework's start): empty it first.
     */
    private SessionService engineWithAnEmptyFolder(SessionService engine) throws IOException {
        Files.createDirectories(folder());
        try (var files = Files.list(folder())) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Await.until("no module from the folder is left", () -> example(engine).isEmpty() && problems().isEmpty());
        return engine;
    }

    private static Optional<AvailableTechnique> example(SessionService engine) {
        return engine.techniques().stream().filter(t -> t.descriptor().id().equals(EXAMPLE)).findFirst();
    }

    private List<InstallProblem> problems() {
        List<InstallProblem> all = new ArrayList<>();
        for (InstallReport report : UpwellServices.all(context, InstallReport.class)) {
            all.addAll(report.problems());
        }
        return all;
    }

    @Test
    public void aModuleDroppedIntoTheFolderIsUsableWithoutARestart() throws Exception {
        SessionService engine = engineWithAnEmptyFolder(UpwellServices.readyVirtualEngine(context));
        drop(exampleJar(), "example.jar");

        AvailableTechnique found = Await.value("the example technique offered", () -> example(engine),
                Optional::isPresent).orElseThrow();
        assertTrue("module named with its version: " + found.module(), found.module().startsWith(EXAMPLE_MODULE + " "));
        Session session = engine.start(request(5));
        assertEquals(SessionState.ENDED, Sessions.awaitFinal(session).state());
    }

    /** An update of one module while another's session runs disturbs nothing; the new version is listed. */
    @Test
    public void anUpdateWhileASessionRunsDisturbsNothingAndTheNewVersionIsListed() throws Exception {
        SessionService engine = engineWithAnEmptyFolder(
                UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM));
        drop(exampleJar(), "example.jar");
        Await.value("the example technique offered", () -> example(engine), Optional::isPresent);
        Session session = Sessions.startHoldingVacuum(engine);

        drop(variant("7.1.0", null), "example.jar");

        Await.value("version 7.1.0 listed", () -> example(engine),
                t -> t.isPresent() && t.get().descriptor().version().equals("7.1.0"));
        SessionSnapshot after = session.snapshot();
        assertEquals(SessionState.RUNNING, after.state());
        assertTrue("no alarm: " + after.alarms(), after.alarms().isEmpty());
        Sessions.awaitHoldingVacuum(session);
    }

    /** A module whose requirements are missing is reported with them, not left silently installed. */
    @Test
    public void aModuleThatCannotResolveIsReportedWithItsMissingRequirement() throws Exception {
        SessionService engine = engineWithAnEmptyFolder(UpwellServices.readyVirtualEngine(context));
        drop(variant("1.0.0", "com.example.nowhere"), "broken.jar");

        List<InstallProblem> problems = Await.value("a problem reported for broken.jar", this::problems,
                list -> list.stream().anyMatch(p -> p.artifact().endsWith("broken.jar")));
        InstallProblem problem = problems.stream().filter(p -> p.artifact().endsWith("broken.jar")).findFirst()
                .orElseThrow();
        assertTrue("names the module and the missing package: " + problem.problem(),
                problem.problem().contains(EXAMPLE_MODULE) && problem.problem().contains("com.example.nowhere"));
        assertTrue("not offered", example(engine).isEmpty());

        Files.delete(folder().resolve("broken.jar"));
        Await.until("the problem is gone with the file", () -> problems().isEmpty());
    }

    /**
     * A module replaced by a version that cannot resolve: the version that ran is put back and keeps
     * serving, the session running its technique goes on, and the broken file is reported until it
     * is fixed.
     */
    @Test
    public void aBrokenUpdateOfAModuleKeepsTheVersionThatRanAndItsSession() throws Exception {
        SessionService engine = engineWithAnEmptyFolder(
                UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM));
        drop(exampleJar(), "example.jar");
        Await.value("the example technique offered", () -> example(engine), Optional::isPresent);
        Session session = engine.start(request(20));
        Sessions.awaitVacuumApplied(session, 5);

        drop(variant("0.2.0", "com.example.nowhere"), "example.jar");

        List<InstallProblem> problems = Await.value("the broken update reported", this::problems,
                list -> list.stream().anyMatch(p -> p.artifact().endsWith("example.jar")));
        String problem = problems.get(0).problem();
        assertTrue("says the old version stays and what is missing: " + problem,
                problem.startsWith("update refused, version 0.1.0") && problem.contains("stays in use")
                        && problem.contains("com.example.nowhere"));
        Await.value("the version that ran is offered again", () -> example(engine),
                t -> t.isPresent() && t.get().module().startsWith(EXAMPLE_MODULE + " 0.1.0"));
        assertEquals("the session goes on", SessionState.RUNNING, session.state());
        assertTrue("no technique alarm: " + session.snapshot().alarms(),
                Sessions.alarms(session.snapshot(), AlarmCondition.TECHNIQUE_FAILED).isEmpty());

        drop(variant("0.3.0", null), "example.jar");
        Await.value("the fixed version offered", () -> example(engine),
                t -> t.isPresent() && t.get().module().startsWith(EXAMPLE_MODULE + " 0.3.0"));
        Await.until("the problem is gone with the fix", () -> problems().isEmpty());
    }

    /** SR-11: removing the module a session runs ends that session with a ramp-out, naming the module. */
    @Test
    public void removingTheModuleASessionRunsRampsTheSessionOut_SR11() throws Exception {
        SessionService engine = engineWithAnEmptyFolder(
                UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM));
        drop(exampleJar(), "example.jar");
        Await.value("the example technique offered", () -> example(engine), Optional::isPresent);
        Session session = engine.start(request(20));
        Sessions.awaitVacuumApplied(session, 5);

        Files.delete(folder().resolve("example.jar"));

        SessionSnapshot ended = Sessions.awaitFinal(session);
        assertEquals(SessionState.ENDED, ended.state());
        assertTrue("names the module: " + ended.reason(), ended.reason().contains(EXAMPLE_MODULE));
        assertEquals(1, Sessions.alarms(ended, AlarmCondition.TECHNIQUE_FAILED).size());
    }

    // ------------------------------------------------------------------ program files

    private static final String PROGRAM = "example.static-cupping";

    /** The static cupping example program, as the programs bundle ships it, with {@code edit} applied. */
    private String exampleProgram(java.util.function.UnaryOperator<String> edit) throws IOException {
        try (InputStream in = Bundles.named(context, Bundles.PROGRAMS).getEntry("examples/static-cupping.json")
                .openStream()) {
            return edit.apply(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private void dropProgram(String json, String name) throws IOException {
        Path part = Files.createTempFile(folder().getParent(), "program-", ".part");
        Files.writeString(part, json);
        drop(part, name);
        Files.delete(part);
    }

    private static Optional<AvailableTechnique> program(SessionService engine) {
        return engine.techniques().stream().filter(t -> t.descriptor().id().equals(PROGRAM)).findFirst();
    }

    private static SessionRequest programRequest() {
        return new SessionRequest("itest", new Client("itest-client", ""), null, PROGRAM,
                Map.of("targetKpa", ParameterValue.of(30), "holdSeconds", ParameterValue.of(900)),
                List.of(new Placement(Sessions.SIMULATOR_ID, 0, new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, ""))),
                100);
    }

    /**
     * A program file dropped into the folder is a technique at once, named with its file; a valid
     * update while a session runs it is listed and disturbs nothing; an invalid update keeps the
     * version in use and is reported with its line; removing the file ramps the session out.
     */
    @Test
    public void aProgramFileIsInstalledUpdatedKeptOnABadUpdateAndRemovedWhileASessionRunsIt() throws Exception {
        SessionService engine = engineWithAnEmptyFolder(
                UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM));
        dropProgram(exampleProgram(json -> json), "gentle.json");
        AvailableTechnique installed = Await.value("the program offered", () -> program(engine), Optional::isPresent)
                .orElseThrow();
        assertTrue("its origin is the file: " + installed.origin(), installed.origin().endsWith("gentle.json"));
        Session session = engine.start(programRequest());
        Sessions.awaitVacuumApplied(session, 25);

        dropProgram(exampleProgram(json -> json.replace("\"version\": \"1.0.0\"", "\"version\": \"1.1.0\"")),
                "gentle.json");
        Await.value("version 1.1.0 listed", () -> program(engine),
                t -> t.isPresent() && t.get().descriptor().version().equals("1.1.0"));
        assertEquals(SessionState.RUNNING, session.state());
        assertTrue("no alarm: " + session.snapshot().alarms(), session.snapshot().alarms().isEmpty());

        dropProgram(exampleProgram(json -> json.replace("\"max\": 60", "\"max\": 95")), "gentle.json");
        List<InstallProblem> problems = Await.value("the bad update reported", this::problems,
                list -> list.stream().anyMatch(p -> p.artifact().endsWith("gentle.json")));
        String problem = problems.get(0).problem();
        assertTrue("names the outcome, the line and the limit: " + problem,
                problem.contains("update refused; version 1.1.0 stays in use")
                        && problem.matches("(?s).*gentle\\.json:\\d+: \\$\\.phases\\[0\\].*")
                        && problem.contains("hard limit of 80 kPa"));
        assertEquals("the version in use stays", "1.1.0", program(engine).orElseThrow().descriptor().version());
        assertEquals(SessionState.RUNNING, session.state());

        Files.delete(folder().resolve("gentle.json"));
        SessionSnapshot ended = Sessions.awaitFinal(session);
        assertEquals(SessionState.ENDED, ended.state());
        assertTrue("names the technique and its module: " + ended.reason(),
                ended.reason().contains(PROGRAM) && ended.reason().contains(Bundles.PROGRAMS));
        Await.until("the problem is gone with the file", () -> problems().isEmpty());
    }

    private static SessionRequest request(int pulses) {
        List<Placement> cups = List.of(new Placement(Sessions.SIMULATOR_ID, 0,
                new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, "")));
        return new SessionRequest("itest", new Client("itest-client", ""), null, EXAMPLE,
                Map.of("pulses", ParameterValue.of(pulses)), cups, 100);
    }
}
