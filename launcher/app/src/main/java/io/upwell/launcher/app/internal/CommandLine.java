package io.upwell.launcher.app.internal;

import java.util.List;

/** What the command line asks for. */
enum CommandLine {
    /** No arguments: the engine with the interactive shell. */
    SHELL,
    /** {@code demo}: a short static-cupping session on the simulator, in real time. */
    DEMO,
    /** {@code demo --virtual}: the same session on the engine's virtual clock. */
    DEMO_VIRTUAL,
    /**
     * {@code demo --port PATH --driver DRIVER [options]}: the session on a device on a serial line
     * ({@link SerialDemoArguments}); {@code demo} with any other options is read as this, so that a
     * wrong one is named.
     */
    DEMO_SERIAL,
    /** {@code validate FILE.json ...}: checks program files and exits, without waiting for the engine. */
    VALIDATE,
    /** {@code techniques}: list the installed techniques with their parameters. */
    TECHNIQUES,
    /** {@code simulate TECHNIQUE-ID [options]}: preview a technique on the virtual clock (see {@link SimulateArguments}). */
    SIMULATE,
    /** {@code emulate --port PATH --model MODEL [options]}: a device on a serial port, without the engine. */
    EMULATE,
    /** {@code records list|show|export|report|status ...}: the session records (see {@link RecordsArguments}). */
    RECORDS,
    /** {@code users list|add|remove|passwd|role ...}: who may log in over HTTP (see {@link UsersCommand}). */
    USERS,
    /** Anything else. */
    USAGE;

    static final String USAGE_TEXT = String.join(System.lineSeparator(),
            "usage: java -jar upwell.jar " + HttpSettings.USAGE + " [demo [--virtual] | validate FILE.json... | ...]",
            "  (no arguments)    start the engine with the interactive shell (leave with Ctrl-D or exit); it serves",
            "                    the console and the API on http://127.0.0.1:8080/ (docs/access.md)",
            "  --http-port N     serve HTTP on port N (0: any free port), also for the commands below, which",
            "                    serve nothing otherwise; --http-host ADDRESS: listen there instead of 127.0.0.1;",
            "                    --https-port N --keystore FILE: HTTPS (password in UPWELL_KEYSTORE_PASSWORD);",
            "                    --no-http: the shell without HTTP",
            "  demo              run a 30 s static-cupping session on the simulator and print a summary",
            "  demo --virtual    the same session on the virtual clock: done in about a second",
            "  " + SerialDemoArguments.USAGE,
            "                    the same session on a device on a serial line (a device, or emulate on the",
            "                    other end of a socat pseudo-terminal pair); a device lost mid-session is waited",
            "                    for (default 60 s) and the paused session stopped, never resumed",
            "  validate FILE...  check program files (docs/techniques.md, Program files): a summary of each valid",
            "                    one, every problem (file:line: path: message) of an invalid one",
            "  techniques        list the installed techniques with their version, origin and parameters",
            "  " + SimulateArguments.USAGE,
            "                    run a technique on the virtual clock on a simulator; write DIR/trace.csv, DIR/trace.svg",
            "  " + RecordsArguments.USAGE.replace(" | records ", System.lineSeparator() + "                    records "),
            "                    list, show, export or report the session records (docs/records.md)",
            "  " + UsersCommand.USAGE.replace(" | users ", System.lineSeparator() + "                    users "),
            "                    who may log in over HTTP (the password is asked without echo, or read from",
            "                    standard input when it is not a terminal)",
            "  " + EmulateCommand.USAGE,
            "                    a device on a serial port (a socat pseudo-terminal, say) with the simulator's",
            "                    physics; type status, help, fault words (drop-bytes, corrupt, stall=S, silent, ...)",
            "exit codes: 0 session ended normally (validate: every file valid), 1 session did not end normally",
            "            (validate: some file invalid or unreadable), 2 usage, 3 the engine or the device did not",
            "            come up");

    static CommandLine parse(List<String> arguments) {
        if (arguments.isEmpty()) {
            return SHELL;
        }
        if (arguments.size() == 1 && arguments.get(0).equals("demo")) {
            return DEMO;
        }
        if (arguments.size() >= 2 && arguments.get(0).equals("validate")) {
            return VALIDATE;
        }
        if (arguments.size() == 2 && arguments.get(0).equals("demo") && arguments.get(1).equals("--virtual")) {
            return DEMO_VIRTUAL;
        }
        if (arguments.get(0).equals("demo")) {
            return DEMO_SERIAL;
        }
        if (arguments.size() == 1 && arguments.get(0).equals("techniques")) {
            return TECHNIQUES;
        }
        if (arguments.get(0).equals("simulate")) {
            return SIMULATE;
        }
        if (arguments.get(0).equals("records")) {
            return RECORDS;
        }
        if (arguments.get(0).equals("emulate")) {
            return EMULATE;
        }
        if (arguments.get(0).equals("users")) {
            return USERS;
        }
        return USAGE;
    }
}
