package io.upwell.engine.core.internal.program;

import io.upwell.api.technique.Segment;

/** What the core needs to know of a segment before it runs. */
public final class Segments {

    private Segments() {
    }

    /** The highest level the segment asks for, in kPa at nominal intensity. */
    public static double peak(Segment segment) {
        if (segment instanceof Segment.Ramp ramp) {
            return ramp.toKpa();
        } else if (segment instanceof Segment.Hold hold) {
            return hold.kpa();
        } else if (segment instanceof Segment.Pulse pulse) {
            return pulse.highKpa();
        } else if (segment instanceof Segment.Wave wave) {
            return wave.baseKpa() + wave.amplitudeKpa();
        }
        return 0.0; // a release only falls
    }
}
