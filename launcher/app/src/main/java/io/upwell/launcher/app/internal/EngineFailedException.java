package io.upwell.launcher.app.internal;

/**
 * The engine's Declarative Services component failed to activate: it will not come up by itself,
 * so waiting longer is pointless. The message is one line, {@code the engine did not start: <cause>}.
 */
final class EngineFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    EngineFailedException(String cause) {
        super("the engine did not start: " + cause);
    }
}
