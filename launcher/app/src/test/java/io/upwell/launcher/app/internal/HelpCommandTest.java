package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;

/** Gogo's felix:help picks the alphabetically first scope; ours follows SCOPE, as running a command does. */
class HelpCommandTest {

    private static final Set<String> COMMANDS = Set.of("felix:start", "felix:stop", "felix:lb", "upwell:start",
            "upwell:stop", "upwell:status", "gogo:echo");

    @Test
    void aNameIsQualifiedWithTheFirstScopeInScopeThatHasIt() {
        CommandSession session = session("upwell:gogo:*");

        assertEquals("upwell:start", HelpCommand.qualified(session, "start"));
        assertEquals("upwell:stop", HelpCommand.qualified(session, "stop"));
        assertEquals("gogo:echo", HelpCommand.qualified(session, "echo"));
        assertEquals("lb", HelpCommand.qualified(session, "lb"), "left to felix:help's own search");
        assertEquals("felix:start", HelpCommand.qualified(session, "felix:start"), "an explicit scope is kept");
    }

    private static CommandSession session(String scope) {
        Map<String, Object> variables = Map.of("SCOPE", scope);
        return (CommandSession) Proxy.newProxyInstance(CommandSession.class.getClassLoader(),
                new Class<?>[] { CommandSession.class }, (proxy, method, arguments) -> {
                    if (method.getName().equals("get")) {
                        String name = (String) arguments[0];
                        return COMMANDS.contains(name) ? (Object) name : variables.get(name);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
