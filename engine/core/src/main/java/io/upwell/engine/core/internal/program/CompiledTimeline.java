package io.upwell.engine.core.internal.program;

import io.upwell.api.technique.Segment;
import io.upwell.api.technique.Timeline;
import java.util.List;

/**
 * One cup's timeline turned into primitive arrays, evaluated by the control loop without
 * allocating. Program time only moves forward (a pause holds it), so a cursor finds the current
 * segment in constant time.
 * <p>
 * A timeline starts at program time 0, or, when it continues another one (an adaptive technique's
 * revision), at the boundary where {@link #startAt} places it, from the level the other one reached.
 */
public final class CompiledTimeline {
    private final int count;
    private final long[] start;
    private final long[] end;
    private final Phase[] kind;
    private final double[] levelA;
    private final double[] levelB;
    private final double[] fraction;
    private final long[] spanA;
    private final long[] spanB;
    /** The level each segment ends at. */
    private final double[] endLevel;
    private final double magnetLevel;
    private long totalNanos;
    /** Program time at which this timeline's time 0 lies. */
    private long origin;
    private int cursor;

    private CompiledTimeline(int count, double magnetLevel) {
        this.count = count;
        this.start = new long[count];
        this.end = new long[count];
        this.kind = new Phase[count];
        this.levelA = new double[count];
        this.levelB = new double[count];
        this.fraction = new double[count];
        this.spanA = new long[count];
        this.spanB = new long[count];
        this.endLevel = new double[count];
        this.magnetLevel = magnetLevel;
    }

    /** A cup the program leaves alone: ambient throughout. */
    public static CompiledTimeline idle() {
        return compile(new Timeline(0, List.of()));
    }

    public static CompiledTimeline compile(Timeline timeline) {
        List<Segment> segments = timeline.segments();
        CompiledTimeline compiled = new CompiledTimeline(segments.size(), timeline.magnetLevel());
        long t = 0;
        double level = 0.0; // every timeline starts at ambient
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            compiled.start[i] = t;
            long duration = segment.duration().toNanos();
            if (segment instanceof Segment.Ramp ramp) {
                compiled.kind[i] = Phase.RAMP;
                compiled.levelA[i] = level;
                compiled.levelB[i] = ramp.toKpa();
                level = ramp.toKpa();
            } else if (segment instanceof Segment.Hold hold) {
                compiled.kind[i] = Phase.HOLD;
                compiled.levelA[i] = hold.kpa();
                level = hold.kpa();
            } else if (segment instanceof Segment.Pulse pulse) {
                compiled.kind[i] = Phase.PULSE;
                compiled.levelA[i] = pulse.lowKpa();
                compiled.levelB[i] = pulse.highKpa();
                compiled.spanA[i] = pulse.on().toNanos();
                compiled.spanB[i] = pulse.off().toNanos();
                level = pulse.off().isZero() ? pulse.highKpa() : pulse.lowKpa();
            } else if (segment instanceof Segment.Wave wave) {
                compiled.kind[i] = Phase.WAVE;
                compiled.levelA[i] = wave.baseKpa();
                compiled.levelB[i] = wave.amplitudeKpa();
                compiled.fraction[i] = wave.phaseOffset();
                compiled.spanA[i] = wave.period().toNanos();
                level = waveLevel(wave.baseKpa(), wave.amplitudeKpa(), wave.phaseOffset(),
                        wave.period().toNanos(), duration);
            } else if (segment instanceof Segment.Release) {
                compiled.kind[i] = Phase.RELEASE;
                compiled.levelA[i] = level;
                level = 0.0;
            }
            t += duration;
            compiled.end[i] = t;
            compiled.endLevel[i] = level;
        }
        compiled.totalNanos = t;
        return compiled;
    }

    public long totalNanos() {
        return totalNanos;
    }

    /** Program time at which the timeline's last segment ends. */
    public long endNanos() {
        return origin + totalNanos;
    }

    /** The index of the segment the cursor is on: {@code count} once the timeline is done. */
    public int segmentIndex() {
        return cursor;
    }

    /**
     * True when, at program time {@code t}, the segment the cursor was on has ended (or the timeline
     * is done): a revision waiting for this cup may take over now.
     */
    public boolean boundaryReached(long t) {
        return cursor >= count || t - origin >= end[cursor];
    }

    /** Where a continuation starts when {@link #boundaryReached} is true at {@code t}: the boundary itself. */
    public long boundary(long t) {
        return cursor >= count ? t : origin + end[cursor];
    }

    /** The level at that boundary, which a continuation's first ramp or release starts from. */
    public double levelAtBoundary() {
        return cursor >= count || count == 0 ? 0.0 : endLevel[cursor];
    }

    /**
     * Makes this timeline continue another: its time 0 at program time {@code programTime}, its first
     * ramp or release starting from {@code fromLevel}. Called once, on the control thread, before the
     * first evaluation.
     */
    public void startAt(long programTime, double fromLevel) {
        origin = programTime;
        if (count > 0 && (kind[0] == Phase.RAMP || kind[0] == Phase.RELEASE)) {
            levelA[0] = fromLevel;
        }
    }

    public double magnetLevel() {
        return magnetLevel;
    }

    /** Moves the cursor to the segment running at program time {@code t}. */
    private int seek(long programTime) {
        long t = programTime - origin;
        while (cursor < count && t >= end[cursor]) {
            cursor++;
        }
        return cursor;
    }

    /** The level at program time {@code t}, in kPa at nominal intensity; ambient after the end. */
    public double levelAt(long t) {
        int i = seek(t);
        if (i >= count) {
            return 0.0;
        }
        long offset = t - origin - start[i];
        // Never zero: seek passes a segment of no duration, since t >= start == end.
        long duration = end[i] - start[i];
        switch (kind[i]) {
            case RAMP:
                return levelA[i] + (levelB[i] - levelA[i]) * ((double) offset / duration);
            case HOLD:
                return levelA[i];
            case PULSE: {
                long cycle = spanA[i] + spanB[i];
                return (offset % cycle) < spanA[i] ? levelB[i] : levelA[i];
            }
            case WAVE:
                return waveLevel(levelA[i], levelB[i], fraction[i], spanA[i], offset);
            case RELEASE:
                return levelA[i] * (1.0 - (double) offset / duration);
            default:
                return 0.0;
        }
    }

    /** The phase at program time {@code t}; call after {@link #levelAt} for the same time. */
    public Phase phaseAt(long t) {
        int i = seek(t);
        return i >= count ? Phase.DONE : kind[i];
    }

    private static double waveLevel(double base, double amplitude, double phase, long period, long offset) {
        double cycles = (double) offset / period + phase;
        return base + amplitude * Math.sin(2.0 * Math.PI * cycles);
    }
}
