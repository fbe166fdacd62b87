package io.upwell.plugins.programs.validation;

import java.util.Objects;

/**
 * One thing wrong with a program file: where it is and what is wrong, with what is allowed.
 *
 * @param file    the file as it was named, for example {@code programs/lymph.json}
 * @param path    where in the file, as a JSON path: {@code $} for the whole file,
 *                {@code $.phases[1].steps[0].kpa} for one field
 * @param line    the line of the file the path starts on, from 1; 0 when the problem has no line (a
 *                file that cannot be read)
 * @param message what is wrong and what is allowed, for a therapist
 */
public record ProgramProblem(String file, String path, int line, String message) {

    public ProgramProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line: path: message}, or {@code file: message} when there is no line. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + path + ": " + message : file + ": " + message;
    }
}
