package io.upwell.launcher.app.internal;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;

/**
 * {@code help} that honours the shell's SCOPE. Gogo's own {@code felix:help <name>} takes the first
 * command of that name in alphabetical order of scope, whatever SCOPE says, so {@code help start}
 * explained {@code felix:start} (bundles) although {@code start} runs {@code upwell:start}. This one,
 * in the {@value EngineCommands#SCOPE} scope (found first), qualifies the name with the first scope
 * in SCOPE that has it and lets {@code felix:help} explain that command.
 */
@Component(service = HelpCommand.class, property = {
        "osgi.command.scope=" + EngineCommands.SCOPE,
        "osgi.command.function=help" })
public final class HelpCommand {

    @Descriptor("list the commands, or explain one: help <command> (the one that runs when you type it)")
    public Object help(CommandSession session, @Descriptor("a command, e.g. start or felix:start") String... words)
            throws Exception {
        if (words.length == 0) {
            return session.execute("felix:help");
        }
        if (words.length > 1) {
            return "usage: help [<command>]";
        }
        return session.execute("felix:help " + qualified(session, words[0]));
    }

    /** {@code name} qualified with the first scope in SCOPE that has it; as given when already qualified or not found. */
    static String qualified(CommandSession session, String name) {
        if (name.indexOf(':') >= 0) {
            return name;
        }
        Object path = session.get("SCOPE");
        for (String scope : String.valueOf(path == null ? "" : path).split(":")) {
            if (scope.isEmpty() || scope.equals("*")) {
                continue;
            }
            if (session.get(scope + ":" + name) != null) {
                return scope + ":" + name;
            }
        }
        return name;
    }
}
