package io.upwell.plugins.programs.internal;

import com.google.gson.JsonElement;
import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.Technique;
import io.upwell.plugins.programs.validation.ProgramReport;
import io.upwell.plugins.programs.validation.ProgramSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a program file into a technique or the list of everything wrong with it: bounded reading
 * with lines ({@link JsonSource}), the schema ({@link SchemaCheck}), the model and its field rules
 * ({@link ProgramReader}), then the rules over the expanded program ({@link ProgramChecks}).
 * Loading has no side effects; registering the technique is the caller's business.
 */
public final class ProgramLoader {

    private ProgramLoader() {
    }

    /**
     * @param file      the program file
     * @param idsInUse  ids of techniques this one must not take (installed from other files)
     */
    public static ProgramReport load(Path file, Set<String> idsInUse) {
        String shown = file.toString();
        String origin = file.toAbsolutePath().normalize().toString();
        Problems problems = new Problems(shown);
        Optional<JsonElement> tree = JsonSource.read(file, problems);
        if (tree.isEmpty()) {
            return failed(shown, problems, origin);
        }
        SchemaCheck.instance().check(tree.get(), problems);
        Optional<Model.Program> program = ProgramReader.read(tree.get(), problems);
        if (program.isPresent() && idsInUse.contains(program.get().id())) {
            problems.add("/id", "id '" + program.get().id() + "' is already used by another installed technique;"
                    + " give this program its own id");
        }
        if (!problems.isEmpty() || program.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add("", "the file does not describe a program"); // unreachable when the schema holds
            }
            return failed(shown, problems, origin);
        }
        Optional<Expander.Expansion> expansion = ProgramChecks.check(program.get(), problems);
        if (!problems.isEmpty() || expansion.isEmpty()) {
            return failed(shown, problems, origin);
        }
        Technique technique;
        try {
            technique = new ProgramTechnique(program.get(), problems, origin);
        } catch (IllegalArgumentException e) {
            problems.add("", e.getMessage());
            return failed(shown, problems, origin);
        }
        return new ProgramReport(shown, List.of(), Optional.of(summary(program.get(), expansion.get())),
                Optional.of(technique), origin);
    }

    private static ProgramReport failed(String shown, Problems problems, String origin) {
        return new ProgramReport(shown, problems.list(), Optional.empty(), Optional.empty(), origin);
    }

    static ProgramSummary summary(Model.Program program, Expander.Expansion atDefaults) {
        List<String> parameters = new ArrayList<>();
        for (Model.Parameter p : program.parameters()) {
            ParameterSpec spec = p.spec();
            String kind = spec instanceof ParameterSpec.Number ? "" : spec instanceof ParameterSpec.Choice
                    ? "choice, " : "";
            parameters.add(spec.name() + ": " + kind + spec.allowed() + ", default " + spec.defaultValue()
                    + (spec.isPerCup() ? ", per cup" : ""));
        }
        List<String> phases = new ArrayList<>();
        for (int i = 0; i < program.phases().size(); i++) {
            Model.Phase phase = program.phases().get(i);
            int index = i;
            List<Expander.Block> blocks = atDefaults.blocks().stream().filter(b -> b.phase() == index).toList();
            String when = blocks.isEmpty() ? "not run at the defaults"
                    : Texts.seconds(blocks.stream().mapToLong(Expander.Block::startNanos).min().orElse(0)) + " to "
                            + Texts.seconds(blocks.stream().mapToLong(Expander.Block::endNanos).max().orElse(0));
            phases.add(phase.name() + ": " + cups(phase.cups()) + ", " + phase.steps().size() + " step"
                    + (phase.steps().size() == 1 ? "" : "s") + ", " + when);
        }
        String cups = (program.minCups() == program.maxCups() ? String.valueOf(program.minCups())
                : program.minCups() + " to " + program.maxCups()) + " cups"
                + (program.style() == io.upwell.api.technique.TechniqueStyle.LYMPHATIC ? ", placed in a chain (zones)"
                        : program.usesZones() ? ", placed in a chain (zones) for " + program.phases().stream()
                                .filter(p -> p.cups() instanceof Model.ZoneCups).map(p -> "phase '" + p.name() + "'")
                                .collect(java.util.stream.Collectors.joining(", ")) : "");
        Duration planned = atDefaults.program().orElseThrow().duration();
        return new ProgramSummary(program.id(), program.name(), program.version(),
                program.style().name().toLowerCase(Locale.ROOT), parameters, cups, phases,
                Math.max(1, program.minCups()), planned);
    }

    private static String cups(Model.Cups cups) {
        if (cups instanceof Model.AllCups) {
            return "all cups";
        }
        if (cups instanceof Model.IndexedCups indexed) {
            return "cups " + indexed.indexes();
        }
        Model.ZoneCups zones = (Model.ZoneCups) cups;
        return "zones " + (zones.proximalFirst() ? "proximal first" : "distal first")
                + (zones.delay() == null ? ", one after another" : ", each " + zones.delay().text() + " s after the"
                        + " one before");
    }
}
