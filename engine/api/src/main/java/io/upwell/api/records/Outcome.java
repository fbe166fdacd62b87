package io.upwell.api.records;

/** How a recorded session finished. */
public enum Outcome {
    /** It finished normally: the program completed or the operator stopped it. */
    ENDED,
    /** A fault or an emergency stop ended it; the reason says which. */
    ABORTED,
    /**
     * The engine stopped without the session ending (a crash or a power cut); the journal was settled
     * when the engine next started and the record holds what reached the disk.
     */
    INTERRUPTED
}
