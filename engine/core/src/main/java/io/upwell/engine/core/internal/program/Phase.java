package io.upwell.engine.core.internal.program;

/** What a cup is doing: the one vocabulary of the program, the session and what people are shown. */
public enum Phase {
    IDLE("idle"),
    RAMP("ramp"),
    HOLD("hold"),
    PULSE("pulse"),
    WAVE("wave"),
    RELEASE("release"),
    DONE("done"),
    RAMP_OUT("ramp-out"),
    VENT("vent"),
    LEAK("leak"),
    DWELL_LIMIT("dwell-limit");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    /** True for the phases in which a cup may hold vacuum. */
    public boolean isApplying() {
        return this == RAMP || this == HOLD || this == PULSE || this == WAVE || this == RELEASE || this == RAMP_OUT;
    }

    /** The name shown to people and written to the journal. */
    public String label() {
        return label;
    }
}
