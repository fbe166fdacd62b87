package io.upwell.launcher.app.internal;

import io.upwell.api.preview.Preview;
import io.upwell.api.preview.PreviewRequest;
import io.upwell.api.preview.PreviewService;
import io.upwell.api.session.AvailableTechnique;
import io.upwell.api.session.Placement;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionPlan;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.ParameterValue;
import io.upwell.api.technique.Technique;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.devices.simulator.Simulators;
import io.upwell.engine.records.report.Trace;
import io.upwell.engine.records.report.TraceChart;
import io.upwell.engine.records.report.TraceCsv;
import io.upwell.plugins.programs.validation.ProgramReport;
import io.upwell.plugins.programs.validation.ProgramValidator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code simulate} command, for the launcher and the shell alike: runs a technique on the
 * virtual clock on a simulator of its own through the engine's {@link PreviewService} (the running
 * engine and its session are not touched), writes {@code trace.csv} and {@code trace.svg} and prints
 * a summary. Every refusal is one line naming the problem; nothing prints a stack trace.
 */
final class Simulation {

    static final String CSV = "trace.csv";
    static final String SVG = "trace.svg";
    /** How often the trace records every cup. */
    static final Duration SAMPLE_EVERY = Duration.ofMillis(100);

    private Simulation() {
    }

    /**
     * What {@code simulate} runs: the technique's descriptor, and the technique itself when it is not
     * one the engine has installed ({@link PreviewRequest#technique()}).
     *
     * @param origin where it comes from, for the operator
     */
    record SimulatedTechnique(TechniqueDescriptor descriptor, Optional<Technique> technique, String origin) {
    }

    /**
     * Turns {@code simulate}'s first argument into what it runs: a program file ({@code *.json}),
     * read and checked as {@code validate} does and run without being installed, or an installed
     * technique's id.
     *
     * @throws IllegalArgumentException naming the unknown technique and the installed ones, or every
     *                                  problem of an invalid program file
     */
    static SimulatedTechnique resolve(String argument, List<AvailableTechnique> installed) {
        if (argument.endsWith(".json")) {
            ProgramReport report = ProgramValidator.validate(Path.of(argument));
            if (!report.valid()) {
                throw new IllegalArgumentException(String.join("\n", report.lines()));
            }
            Technique technique = report.technique().orElseThrow();
            return new SimulatedTechnique(technique.descriptor(), Optional.of(technique), report.origin());
        }
        for (AvailableTechnique available : installed) {
            if (available.descriptor().id().equals(argument)) {
                return new SimulatedTechnique(available.descriptor(), Optional.empty(), available.module()
                        + (available.origin().equals("bundle") ? "" : ", " + available.origin()));
            }
        }
        throw new IllegalArgumentException("unknown technique '" + argument + "'; installed: "
                + installed.stream().map(t -> t.descriptor().id()).toList());
    }

    /**
     * Runs {@code simulate} with its words (after the command's name).
     *
     * @param refused how a refusal's line begins, for example {@code "upwell: simulate: "}
     * @return {@link ExitCodes#OK} when the session ended normally, {@link ExitCodes#SESSION_FAILED} when
     *         it did not or could not run, {@link ExitCodes#USAGE} for a wrong command line
     */
    static int run(List<String> words, List<AvailableTechnique> installed, PreviewService previews, PrintStream out,
            PrintStream err, String refused) {
        SimulateArguments arguments;
        SimulatedTechnique technique;
        SessionRequest request;
        Path directory;
        try {
            arguments = SimulateArguments.parse(words);
            technique = resolve(arguments.technique(), installed);
            request = arguments.toRequest(technique.descriptor());
            checkRanges(technique.descriptor(), request);
            directory = writableDirectory(arguments.outDirectory(technique.descriptor().id()));
        } catch (IllegalArgumentException e) {
            err.println(refused + e.getMessage());
            return ExitCodes.USAGE;
        }
        TechniqueDescriptor descriptor = technique.descriptor();
        String name = descriptor.id() + " " + descriptor.version();
        out.println("simulating " + name + " (" + technique.origin() + ") with " + arguments.cups() + " cup(s) on "
                + arguments.region() + ", on the virtual clock on a simulator of its own ...");
        Preview preview;
        try {
            preview = previews.run(new PreviewRequest(request, technique.technique(),
                    Simulators.create(arguments.simulator()), SAMPLE_EVERY, PreviewRequest.MAX_LIMIT));
        } catch (SessionException | IllegalArgumentException | IllegalStateException e) {
            err.println(refused + "the preview could not run: " + e.getMessage());
            return ExitCodes.SESSION_FAILED;
        } catch (RuntimeException e) {
            err.println(refused + "the preview failed: " + e);
            return ExitCodes.SESSION_FAILED;
        }
        Trace trace = Trace.of(preview.samples());
        Path csv = directory.resolve(CSV);
        Path svg = directory.resolve(SVG);
        try {
            try (Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                TraceCsv.write(trace, writer);
            }
            Files.writeString(svg, TraceChart.svg(trace, descriptor.name() + " (" + name + ")",
                    subtitle(descriptor, request), clamped(preview.plan(), request, descriptor)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println(refused + "cannot write the trace to " + directory + ": " + e);
            return ExitCodes.SESSION_FAILED;
        } catch (RuntimeException e) {
            err.println(refused + "cannot draw the chart: " + e);
            return ExitCodes.SESSION_FAILED;
        }
        TraceSummary.lines(name, preview, trace).forEach(out::println);
        String clamped = clamped(preview.plan(), request, descriptor);
        if (!clamped.isEmpty()) {
            out.println("limits: " + clamped);
        }
        out.println("wrote " + csv + " (" + trace.rows() + " rows, one every " + Formats.seconds(SAMPLE_EVERY)
                + ") and " + svg);
        return preview.finalState() == SessionState.ENDED ? ExitCodes.OK : ExitCodes.SESSION_FAILED;
    }

    /**
     * Each value given against its parameter's range, as the engine will check it, so that a value out
     * of range is a usage error said before anything runs.
     *
     * @throws IllegalArgumentException with the parameter's own words for the first value it does not accept
     */
    static void checkRanges(TechniqueDescriptor technique, SessionRequest request) {
        request.parameters().forEach((name, value) -> technique.parameter(name).flatMap(spec -> spec.problemWith(value))
                .ifPresent(problem -> {
                    throw new IllegalArgumentException(problem);
                }));
        for (int cup = 0; cup < request.placements().size(); cup++) {
            int at = cup;
            request.placements().get(cup).overrides().forEach((name, value) -> technique.parameter(name)
                    .flatMap(spec -> spec.problemWith(value)).ifPresent(problem -> {
                        throw new IllegalArgumentException("cup " + at + ": " + problem);
                    }));
        }
    }

    /**
     * The folder, created when missing and checked writable before anything runs.
     *
     * @throws IllegalArgumentException naming the folder and why nothing can be written there
     */
    static Path writableDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, ".upwell-simulate", ".tmp");
            Files.delete(probe);
            return directory;
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException("--out " + directory + " exists and is not a folder");
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("cannot write to --out " + directory + ": " + e);
        }
    }

    /** The chart's second title line: every parameter's value (given or default), per-cup values, the cups. */
    static String subtitle(TechniqueDescriptor technique, SessionRequest request) {
        List<String> values = new ArrayList<>();
        for (ParameterSpec spec : technique.parameters()) {
            ParameterValue value = request.parameters().getOrDefault(spec.name(), spec.defaultValue());
            values.add(spec.name() + " " + value + unit(spec));
        }
        for (int cup = 0; cup < request.placements().size(); cup++) {
            Placement placement = request.placements().get(cup);
            for (var override : placement.overrides().entrySet()) {
                String unit = technique.parameter(override.getKey()).map(Simulation::unit).orElse("");
                values.add(override.getKey() + "@" + cup + " " + override.getValue() + unit);
            }
        }
        Placement first = request.placements().get(0);
        String cups = String.format(Locale.ROOT, "%d cup(s) on %s%s, intensity %d %%; simulated, virtual clock",
                request.placements().size(), first.site().region().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                first.zone().isPresent() ? ", zones 0.." + (request.placements().size() - 1) : "",
                request.intensity());
        return (values.isEmpty() ? "no parameters" : String.join(" · ", values)) + " — " + cups;
    }

    /**
     * The cups a limit holds below what was asked, grouped alike: {@code "cups 0, 2 asked 40.0 kPa
     * (targetKpa); clamped to 10.0 kPa by the limit of the body region face"}, as the shell's
     * {@code start} says it ({@link EngineCommands#askedAboveLimit}): a kPa value given for the cup (or
     * its default) above its limit, or a program that asks more. Empty when no cup is clamped.
     */
    static String clamped(SessionPlan plan, SessionRequest request, TechniqueDescriptor technique) {
        java.util.Map<String, List<Integer>> alike = new java.util.LinkedHashMap<>();
        for (SessionPlan.CupPlan cup : plan.cups()) {
            String asked = EngineCommands.askedAboveLimit(request, technique, cup);
            if (asked != null || cup.clamped()) {
                String what = (asked != null ? asked : String.format(Locale.ROOT, "the program asks %.1f kPa",
                        cup.programPeakKpa())) + String.format(Locale.ROOT, "; clamped to %.1f kPa by the limit of the %s",
                        cup.limitKpa(), cup.limitSetBy());
                alike.computeIfAbsent(what, k -> new ArrayList<>()).add(cup.cup());
            }
        }
        List<String> parts = new ArrayList<>();
        alike.forEach((what, cups) -> parts.add((cups.size() == 1 ? "cup " : "cups ")
                + String.join(", ", cups.stream().map(String::valueOf).toList()) + " " + what));
        return String.join(". ", parts);
    }

    private static String unit(ParameterSpec spec) {
        return spec instanceof ParameterSpec.Number number && !number.unit().isEmpty() ? " " + number.unit() : "";
    }
}
