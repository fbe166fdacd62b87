package io.upwell.engine.core.internal.program;

/** What a cup is doing, as a small code the control loop can store without allocating. */
public final class Phase {
    public static final byte IDLE = 0;
    public static final byte RAMP = 1;
    public static final byte HOLD = 2;
    public static final byte PULSE = 3;
    public static final byte WAVE = 4;
    public static final byte RELEASE = 5;
    public static final byte DONE = 6;
    public static final byte RAMP_OUT = 7;
    public static final byte VENT = 8;
    public static final byte LEAK = 9;
    public static final byte DWELL_LIMIT = 10;

    private static final String[] NAMES = {
        "idle", "ramp", "hold", "pulse", "wave", "release", "done", "ramp-out", "vent", "leak", "dwell-limit"
    };

    private Phase() {
    }

    /** True for the phases in which a cup may hold vacuum. */
    public static boolean isApplying(byte phase) {
        return phase >= RAMP && phase <= RELEASE || phase == RAMP_OUT;
    }

    public static String name(byte phase) {
        return phase >= 0 && phase < NAMES.length ? NAMES[phase] : "unknown";
    }
}
