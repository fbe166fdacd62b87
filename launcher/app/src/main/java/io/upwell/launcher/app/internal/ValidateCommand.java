package io.upwell.launcher.app.internal;

import io.upwell.plugins.programs.validation.ProgramReport;
import io.upwell.plugins.programs.validation.ProgramValidator;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code validate FILE.json...}: checks each program file without installing anything. A valid file
 * gets a summary on {@code out}; an invalid, missing or unreadable one every problem on {@code err},
 * one line each ({@code file:line: path: message}). Never a stack trace.
 */
final class ValidateCommand {

    private ValidateCommand() {
    }

    /** @return {@link ExitCodes#OK} when every file is valid, else {@link ExitCodes#INVALID_PROGRAM} */
    static int run(List<String> files, PrintStream out, PrintStream err) {
        if (files.isEmpty()) {
            err.println("validate: name a program file, for example: validate my-program.json");
            return ExitCodes.USAGE;
        }
        boolean allValid = true;
        for (String name : files) {
            allValid &= validate(name, out, err);
        }
        return allValid ? ExitCodes.OK : ExitCodes.INVALID_PROGRAM;
    }

    private static boolean validate(String name, PrintStream out, PrintStream err) {
        try {
            ProgramReport report = ProgramValidator.validate(Path.of(name));
            PrintStream to = report.valid() ? out : err;
            report.lines().forEach(to::println);
            return report.valid();
        } catch (InvalidPathException e) {
            err.println(name + ": not a file name: " + e.getReason());
            return false;
        } catch (RuntimeException | LinkageError e) {
            err.println(name + ": could not be checked: " + InteractiveShell.oneLine(e));
            return false;
        }
    }
}
