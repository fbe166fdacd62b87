package io.upwell.plugins.gliding.internal;

import io.upwell.api.technique.ParameterReader;
import io.upwell.api.technique.Cup;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.TechniqueException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a gliding session's cups do, computed from its request: the program at the start, and the
 * continuations an adaptation hands the core after a seal loss and after a re-seal. Every segment
 * before the release lasts at most {@link #PIECE} (the seal-seeking holds and the ramp back at most
 * {@link #SHORT_PIECE}), so a revision takes over within that time: a continuation starts at the
 * cup's next segment boundary. Every cup's gliding ends at the same program time, {@link #glideEnd()},
 * whatever revisions came in between, so the session keeps its planned length.
 * <p>
 * It keeps the request's values, never the request itself: the session it belongs to is looked up
 * by the request, held weakly.
 */
final class GlidePlan {

    /** The longest segment of the program before the release. */
    static final Duration PIECE = Duration.ofSeconds(2);
    /** The longest segment while a cup seeks its seal or ramps back. */
    static final Duration SHORT_PIECE = Duration.ofSeconds(1);

    /** One cup's settings. */
    record CupPlan(int cup, double level, double seek) {
    }

    private final Map<Integer, CupPlan> cups;
    private final List<Integer> order;
    private final String mode;
    private final Duration rampIn;
    private final Duration glide;
    private final Duration rampOut;
    private final double riseKpaPerSecond;

    private GlidePlan(Map<Integer, CupPlan> cups, List<Integer> order, String mode, Duration rampIn, Duration glide,
            Duration rampOut, double riseKpaPerSecond) {
        this.cups = cups;
        this.order = order;
        this.mode = mode;
        this.rampIn = rampIn;
        this.glide = glide;
        this.rampOut = rampOut;
        this.riseKpaPerSecond = riseKpaPerSecond;
    }

    static GlidePlan of(PlanRequest request) throws TechniqueException {
        String id = DynamicGlidingTechnique.ID;
        if (request.cups().isEmpty()) {
            throw new TechniqueException(id + ": the request has no cups");
        }
        ParameterReader values = new ParameterReader(id, request);
        String mode = values.choice(GlideParameters.MODE);
        Duration rampIn = ParameterReader.seconds(values.number(GlideParameters.RAMP_IN));
        Duration glide = ParameterReader.seconds(values.number(GlideParameters.MINUTES) * 60);
        Duration rampOut = ParameterReader.seconds(values.number(GlideParameters.RAMP_OUT));
        double rise = values.number(GlideParameters.RISE);
        Map<Integer, CupPlan> cups = new HashMap<>();
        List<Integer> order = new ArrayList<>();
        for (Cup cup : request.cups()) {
            double level = Math.min(values.number(GlideParameters.LEVEL, cup), values.limitOf(cup));
            double seek = Math.min(values.number(GlideParameters.SEEK, cup), level);
            cups.put(cup.index(), new CupPlan(cup.index(), level, seek));
            order.add(cup.index());
        }
        return new GlidePlan(cups, List.copyOf(order), mode, rampIn, glide, rampOut, rise);
    }

    List<Integer> cups() {
        return order;
    }

    CupPlan cup(int index) {
        return cups.get(index);
    }

    String mode() {
        return mode;
    }

    Duration glide() {
        return glide;
    }

    double riseKpaPerSecond() {
        return riseKpaPerSecond;
    }

    /** Program time at which every cup stops gliding and releases. */
    Duration glideEnd() {
        return rampIn.plus(glide);
    }

    /** A cup's program from the start: the ramp in, the glide, the release. */
    List<Segment> program(int cup) {
        CupPlan plan = cups.get(cup);
        List<Segment> segments = new ArrayList<>(ramp(0.0, plan.level(), rampIn, PIECE));
        segments.addAll(pattern(plan.level(), glide));
        segments.add(new Segment.Release(rampOut));
        return segments;
    }

    /** After a seal loss, from program time {@code from}: hold the seal-seeking level until the end, then release. */
    List<Segment> seekSeal(int cup, Duration from) {
        CupPlan plan = cups.get(cup);
        List<Segment> segments = new ArrayList<>();
        for (Duration piece : pieces(glideEnd().minus(from), SHORT_PIECE)) {
            segments.add(new Segment.Hold(plan.seek(), piece));
        }
        segments.add(new Segment.Release(rampOut));
        return segments;
    }

    /**
     * After a re-seal, from program time {@code from} and the level {@code fromKpa} the cup is at: ramp
     * gently back to the glide level, glide on until the end, release. A ramp the remaining time cannot
     * hold ends early, below the glide level.
     */
    List<Segment> rampBack(int cup, Duration from, double fromKpa) {
        CupPlan plan = cups.get(cup);
        Duration available = glideEnd().minus(from);
        List<Segment> segments = new ArrayList<>();
        if (fromKpa < plan.level()) {
            Duration full = ParameterReader.seconds((plan.level() - fromKpa) / riseKpaPerSecond);
            Duration length = full.compareTo(available) < 0 ? full : available;
            double to = fromKpa + (plan.level() - fromKpa) * fraction(length, full);
            segments.addAll(ramp(fromKpa, to, length, SHORT_PIECE));
            available = available.minus(length);
        }
        segments.addAll(pattern(plan.level(), available));
        segments.add(new Segment.Release(rampOut));
        return segments;
    }

    /** The glide itself for {@code length}: 2 s segments of the mode, a shorter steady hold for what is left. */
    private List<Segment> pattern(double level, Duration length) {
        List<Segment> segments = new ArrayList<>();
        for (Duration piece : pieces(length, PIECE)) {
            if (piece.equals(PIECE) && GlideParameters.SLOW_PULSE.equals(mode)) {
                segments.add(new Segment.Pulse(level / 2, level, Duration.ofSeconds(1), Duration.ofSeconds(1), 1));
            } else if (piece.equals(PIECE) && GlideParameters.FAST_PULSE.equals(mode)) {
                segments.add(new Segment.Pulse(level / 2, level, Duration.ofMillis(500), Duration.ofMillis(500), 2));
            } else {
                segments.add(new Segment.Hold(level, piece));
            }
        }
        return segments;
    }

    /** A linear ramp from {@code from} to {@code to} over {@code length}, cut into pieces of at most {@code piece}. */
    private static List<Segment> ramp(double from, double to, Duration length, Duration piece) {
        List<Segment> segments = new ArrayList<>();
        Duration done = Duration.ZERO;
        for (Duration step : pieces(length, piece)) {
            done = done.plus(step);
            double level = done.equals(length) ? to : from + (to - from) * fraction(done, length);
            segments.add(new Segment.Ramp(level, step));
        }
        return segments;
    }

    /** {@code length} cut into whole pieces and what is left; none for a length of zero or less. */
    private static List<Duration> pieces(Duration length, Duration piece) {
        List<Duration> pieces = new ArrayList<>();
        Duration left = length;
        while (left.compareTo(piece) >= 0) {
            pieces.add(piece);
            left = left.minus(piece);
        }
        if (!left.isZero() && !left.isNegative()) {
            pieces.add(left);
        }
        return pieces;
    }

    private static double fraction(Duration part, Duration whole) {
        return whole.isZero() ? 1.0 : (double) part.toNanos() / whole.toNanos();
    }
}
