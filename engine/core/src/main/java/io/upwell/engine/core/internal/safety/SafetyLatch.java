package io.upwell.engine.core.internal.safety;

/**
 * The engine's latch (SAFETY.md principle 4): set by an emergency stop or a fault, cleared only by
 * the operator's acknowledgement. Every device link reads it, so while it is set every channel of
 * every device reads as vented, whatever a tick in flight or a session being started may command.
 * Setting it is one volatile write: nothing can race past it.
 */
public final class SafetyLatch {
    private volatile boolean set;

    public void set() {
        set = true;
    }

    public void clear() {
        set = false;
    }

    public boolean isSet() {
        return set;
    }
}
