package io.upwell.api.session;

/**
 * A session's life. Legal transitions are a fixed table in the core:
 * SCREENING → READY → RUNNING ⇄ PAUSED → STOPPING → ENDED, and any live state → ABORTED.
 */
public enum SessionState {
    /** The request is being checked: screening, devices, technique, limits. */
    SCREENING,
    /** Checked and planned; about to run. */
    READY,
    /** The program runs and vacuum is applied. */
    RUNNING,
    /** Held by the operator or by a fault; channels vented, waiting for resume (after acknowledgement if a fault). */
    PAUSED,
    /** Ramping every channel out to ambient. */
    STOPPING,
    /** Finished normally: the program completed or the operator stopped it. */
    ENDED,
    /** Ended by a fault or an emergency stop; the reason says which. */
    ABORTED;

    /** True for ENDED and ABORTED. */
    public boolean isFinal() {
        return this == ENDED || this == ABORTED;
    }
}
