package io.upwell.launcher.app.internal;

import io.upwell.api.install.InstallProblem;
import io.upwell.api.session.AvailableTechnique;
import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.TechniqueDescriptor;
import java.io.PrintStream;
import java.util.List;

/** The techniques a therapist can run, as the shell and the command line list them. */
final class TechniqueListing {

    private TechniqueListing() {
    }

    static void print(List<AvailableTechnique> techniques, PrintStream out) {
        print(techniques, List.of(), out);
    }

    /** The techniques, then what was offered at run time and is not in use, with why. */
    static void print(List<AvailableTechnique> techniques, List<InstallProblem> problems, PrintStream out) {
        if (techniques.isEmpty()) {
            out.println("no techniques");
        }
        for (AvailableTechnique available : techniques) {
            TechniqueDescriptor technique = available.descriptor();
            out.println(technique.id() + " " + technique.version() + "  " + technique.name() + "  ("
                    + technique.style().name().toLowerCase(java.util.Locale.ROOT) + ")");
            out.println("    from " + available.module() + (available.origin().equals("bundle") ? ""
                    : ", " + available.origin()));
            if (!technique.regions().isEmpty()) {
                out.println("    meant for " + technique.regions().stream()
                        .map(r -> r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toList());
            }
            for (ParameterSpec parameter : technique.parameters()) {
                out.println("    " + parameter.name() + (parameter.isPerCup() ? " (per cup)" : "") + ": "
                        + parameter.allowed() + ", default " + parameter.defaultValue()
                        + (parameter.description().isEmpty() ? "" : ". " + parameter.description())
                        + (parameter.source().isEmpty() ? "" : " [source: " + parameter.source() + "]"));
            }
        }
        if (!problems.isEmpty()) {
            out.println("not in use:");
            for (InstallProblem problem : problems) {
                out.println("  " + problem.artifact() + ": " + problem.problem());
            }
        }
    }
}
