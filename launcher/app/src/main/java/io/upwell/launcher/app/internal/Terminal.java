package io.upwell.launcher.app.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The console the launcher writes to, in UTF-8 whatever the platform charset (under {@code LANG=C}
 * Java 17's default is ASCII, which would print an operator named Zoë as Zo?). It knows when the
 * shell's prompt is showing, so that a notice arriving meanwhile goes on a line of its own and the
 * prompt is shown again below it.
 */
final class Terminal {

    static final String PROMPT = "upwell> ";

    private final PrintStream out;
    private boolean prompting;

    Terminal(OutputStream raw) {
        this.out = new PrintStream(raw, true, StandardCharsets.UTF_8);
    }

    /**
     * A UTF-8 view of {@code target}: text is encoded here and passes through {@code target} as bytes,
     * so it reaches the console (or a Gogo pipe) intact whatever {@code target}'s own charset is.
     */
    static PrintStream utf8(PrintStream target) {
        return new PrintStream(target, true, StandardCharsets.UTF_8);
    }

    PrintStream stream() {
        return out;
    }

    synchronized void prompt() {
        out.print(PROMPT);
        out.flush();
        prompting = true;
    }

    /** A line was read: the prompt is gone. */
    synchronized void answered() {
        prompting = false;
    }

    synchronized void println(String line) {
        out.println(line);
    }

    /** A line that arrives on its own (a log notice): never glued to the prompt or the operator's typing. */
    synchronized void notice(String line) {
        if (prompting) {
            out.print(System.lineSeparator() + line + System.lineSeparator() + PROMPT);
            out.flush();
        } else {
            out.println(line);
        }
    }
}
