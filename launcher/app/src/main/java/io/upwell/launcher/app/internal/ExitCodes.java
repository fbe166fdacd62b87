package io.upwell.launcher.app.internal;

/** The process's exit codes; {@link CommandLine#USAGE_TEXT} lists them for the user. */
final class ExitCodes {
    static final int OK = 0;
    static final int SESSION_FAILED = 1;
    /** {@code validate}: some program file is invalid or cannot be read. */
    static final int INVALID_PROGRAM = 1;
    static final int USAGE = 2;
    static final int NOT_READY = 3;

    private ExitCodes() {
    }
}
