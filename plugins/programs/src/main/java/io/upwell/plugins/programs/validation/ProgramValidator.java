package io.upwell.plugins.programs.validation;

import io.upwell.plugins.programs.internal.ProgramLoader;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;

/**
 * Reads and checks program files. Thread-safe, without side effects: it registers nothing and
 * keeps nothing between calls.
 */
public final class ProgramValidator {

    private ProgramValidator() {
    }

    /**
     * Reads and checks one program file.
     *
     * @param file the file; a missing, unreadable or oversized file, or a directory, is a problem, not an exception
     * @return every problem, or the summary and the technique
     */
    public static ProgramReport validate(Path file) {
        return ProgramLoader.load(file, Set.of());
    }

    /**
     * As {@link #validate(Path)}, and also refuses a program whose id is already taken by another
     * technique (an installer passes the ids of the techniques installed from other files).
     */
    public static ProgramReport validate(Path file, Collection<String> idsInUse) {
        return ProgramLoader.load(file, Set.copyOf(idsInUse));
    }
}
