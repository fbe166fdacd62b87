package io.upwell.api.technique;

import java.time.Duration;

/**
 * One piece of a cup's timeline. Levels are kPa below ambient at nominal intensity (100 %); the
 * core scales them by the session's intensity and then applies its envelope.
 * <p>
 * The set is closed on purpose: the core evaluates segments on the control thread, so only these
 * data records, and no plugin code, can be there.
 */
public sealed interface Segment permits Segment.Ramp, Segment.Hold, Segment.Pulse, Segment.Wave, Segment.Release {

    /** How long the segment lasts. */
    Duration duration();

    /** The phase name a therapist sees while the segment runs, for example {@code "hold"}. */
    String phase();

    /** Rises or falls linearly from the level the previous segment ended at to {@code toKpa}. */
    record Ramp(double toKpa, Duration duration) implements Segment {
        public Ramp {
            Checks.level("ramp", "toKpa", toKpa);
            Checks.duration("ramp", duration, false);
        }

        @Override
        public String phase() {
            return "ramp";
        }
    }

    /** Holds a level. */
    record Hold(double kpa, Duration duration) implements Segment {
        public Hold {
            Checks.level("hold", "kpa", kpa);
            Checks.duration("hold", duration, false);
        }

        @Override
        public String phase() {
            return "hold";
        }
    }

    /**
     * Alternates between a high and a low level, starting high: interval suction and release,
     * flash cupping, lymphatic pulses. Lasts {@code count} whole cycles.
     */
    record Pulse(double lowKpa, double highKpa, Duration on, Duration off, int count) implements Segment {
        public Pulse {
            Checks.level("pulse", "lowKpa", lowKpa);
            Checks.level("pulse", "highKpa", highKpa);
            if (lowKpa > highKpa) {
                throw new IllegalArgumentException("pulse: lowKpa " + lowKpa + " is above highKpa " + highKpa);
            }
            Checks.duration("pulse on", on, true);
            Checks.duration("pulse off", off, false);
            if (count < 1) {
                throw new IllegalArgumentException("pulse: count must be at least 1, got " + count);
            }
        }

        @Override
        public Duration duration() {
            return on.plus(off).multipliedBy(count);
        }

        @Override
        public String phase() {
            return "pulse";
        }
    }

    /**
     * A sine wave around a base level. Cups of a lymphatic sequence share the period and differ
     * in phase, so the wave travels across them in zone order.
     *
     * @param phaseOffset where in the cycle the wave starts, as a fraction of the period, {@code 0 <= phaseOffset < 1}
     */
    record Wave(double baseKpa, double amplitudeKpa, Duration period, double phaseOffset, Duration duration)
            implements Segment {
        public Wave {
            Checks.level("wave", "baseKpa", baseKpa);
            if (!(amplitudeKpa >= 0) || !Double.isFinite(amplitudeKpa) || amplitudeKpa > baseKpa) {
                throw new IllegalArgumentException("wave: amplitudeKpa must be between 0 and baseKpa ("
                        + baseKpa + "), got " + amplitudeKpa);
            }
            Checks.duration("wave period", period, true);
            if (!(phaseOffset >= 0 && phaseOffset < 1)) {
                throw new IllegalArgumentException("wave: phaseOffset must be in [0, 1), got " + phaseOffset);
            }
            Checks.duration("wave", duration, false);
        }

        @Override
        public String phase() {
            return "wave";
        }
    }

    /** Falls linearly to ambient; a zero duration releases at once. */
    record Release(Duration duration) implements Segment {
        public Release {
            Checks.duration("release", duration, false);
        }

        @Override
        public String phase() {
            return "release";
        }
    }
}
