package io.upwell.engine.console.internal;

/** Where the console lives on the engine's HTTP surface. */
final class ConsoleContext {

    /** The engine's servlet context (registered by the access bundle), which checks every request first. */
    static final String SELECT = "(osgi.http.whiteboard.context.name=upwell)";

    /** The console's URL path, and the folder in this bundle its files come from. */
    static final String ROOT = "/console";

    private ConsoleContext() {
    }
}
