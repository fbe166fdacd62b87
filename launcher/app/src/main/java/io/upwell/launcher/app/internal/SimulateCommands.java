package io.upwell.launcher.app.internal;

import io.upwell.api.preview.PreviewService;
import io.upwell.api.session.SessionService;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code simulate} as a Gogo shell command (scope {@value EngineCommands#SCOPE}; {@code techniques}
 * is {@link EngineCommands#techniques}), and {@code techniques} and {@code simulate} as commands of
 * the launcher ({@code java -jar upwell.jar techniques}, {@link Main}). Both print one line on a
 * refusal, never a stack trace.
 */
@Component(service = SimulateCommands.class, property = {
        "osgi.command.scope=" + EngineCommands.SCOPE,
        "osgi.command.function=simulate" })
public final class SimulateCommands {

    /** How long the launcher waits for the engine's preview service. */
    private static final Duration PREVIEW_BOUND = Duration.ofSeconds(30);

    private final SessionService engine;
    private final PreviewService previews;

    @Activate
    public SimulateCommands(@Reference SessionService engine, @Reference PreviewService previews) {
        this.engine = engine;
        this.previews = previews;
    }

    @Descriptor("run a technique on the virtual clock on a simulator of its own and write DIR/trace.csv and "
            + "DIR/trace.svg: simulate <technique> [--param name=value]... [--cups N] [--region R] [--zones] "
            + "[--out DIR]; e.g. simulate static-cupping --param holdSeconds=60 --out /tmp/sc")
    public void simulate(@Descriptor("technique id, then options") String... words) {
        PrintStream out = EngineCommands.out();
        Simulation.run(List.of(words), engine.techniques(), previews, out, out, "simulate: ");
    }

    /** {@code java -jar upwell.jar techniques}: every technique once the engine has described them all. */
    static int techniques(BundleContext context, SessionService engine, PrintStream out) {
        InstalledTechniques installed = InstalledTechniques.await(context, engine);
        TechniqueListing.print(installed.techniques(), installed.problems(), out);
        for (java.nio.file.Path jar : installed.notStarted()) {
            out.println(jar + ": not installed and started after " + InstalledTechniques.BOUND.toSeconds()
                    + " s; is it a technique bundle? the log (upwell-data/upwell.log) may say more");
        }
        if (installed.missing() > 0) {
            out.println(installed.missing() + " technique service(s) registered but not offered: each failed to"
                    + " describe itself or reused a taken id; the log (upwell-data/upwell.log) says which");
        }
        return ExitCodes.OK;
    }

    /** {@code java -jar upwell.jar simulate ...}. */
    static int simulate(BundleContext context, SessionService engine, List<String> words)
            throws NotReadyException, InterruptedException {
        try (TrackedService<PreviewService> previews = TrackedService.await(context, PreviewService.class, "",
                PREVIEW_BOUND, "the engine offers no PreviewService; is the bundle io.upwell.engine.core active?")) {
            InstalledTechniques installed = InstalledTechniques.await(context, engine);
            return Simulation.run(words, installed.techniques(), previews.service(), System.out, System.err,
                    "upwell: simulate: ");
        }
    }
}
