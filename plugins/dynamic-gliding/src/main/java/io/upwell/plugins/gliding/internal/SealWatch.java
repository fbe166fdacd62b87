package io.upwell.plugins.gliding.internal;

import io.upwell.api.technique.Observation;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One gliding session's watch over its cups' seals, fed each observation the core makes.
 * <p>
 * A cup whose measured vacuum stays below {@link #LOSS_FRACTION} of what the core commands for
 * {@link #LOSS_AFTER} has lost its seal (the therapist lifted it or glided off the oil): it drops to the
 * seal-seeking level. Once it measures at least {@link #RESEAL_FRACTION} of its command for
 * {@link #RESEAL_AFTER} it has sealed again, and ramps gently back. Both happen long before the core's
 * leak check (the declared tolerance, for 10 s) would stop the cup.
 * <p>
 * To know where a continuation will start, the watch keeps each cup's timeline as it handed it: the
 * program, then each continuation from the boundary it was due to take over at. Not thread-safe: the
 * technique calls it under the watch's own lock.
 */
final class SealWatch {

    /** Measured below this fraction of the command counts as a lost seal. Judgement. */
    static final double LOSS_FRACTION = 0.5;
    /** How long the vacuum must stay that low: longer than a stroke's brief lift. Judgement. */
    static final Duration LOSS_AFTER = Duration.ofSeconds(1);
    /** A cup commanded less than this is not judged for a lost seal. */
    static final double LOSS_MIN_COMMAND_KPA = 3.0;
    /** Measured at least this fraction of the command counts as sealed again. Judgement. */
    static final double RESEAL_FRACTION = 0.7;
    /** How long it must stay sealed before the ramp back. Judgement. */
    static final Duration RESEAL_AFTER = Duration.ofMillis(500);
    /** A command below this says nothing about a seal. */
    static final double RESEAL_MIN_COMMAND_KPA = 0.5;

    private final GlidePlan plan;
    private final Map<Integer, CupWatch> cups = new HashMap<>();

    SealWatch(GlidePlan plan) {
        this.plan = plan;
        for (int cup : plan.cups()) {
            cups.put(cup, new CupWatch(new Track(Duration.ZERO, plan.program(cup))));
        }
    }

    /** The revision this observation calls for, if any: one continuation per cup that changes. */
    Optional<Change> observe(Observation observation) {
        Duration now = observation.elapsed();
        List<Timeline> continuations = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Observation.CupState state : observation.cups()) {
            CupWatch watch = cups.get(state.cup());
            if (watch == null) {
                continue;
            }
            watch.takeOverIfDue(now);
            if (state.stopped() || !Double.isFinite(state.measuredKpa())) {
                watch.lowSince = null;
                watch.sealedSince = null;
                continue;
            }
            String reason = watch.dropped ? resealed(watch, state, now, continuations)
                    : lost(watch, state, now, continuations);
            if (reason != null) {
                reasons.add(reason);
            }
        }
        return continuations.isEmpty() ? Optional.empty()
                : Optional.of(new Change(continuations, String.join("; ", reasons)));
    }

    /** A revision's content: the continuations and why. */
    record Change(List<Timeline> continuations, String reason) {
    }

    private String lost(CupWatch watch, Observation.CupState state, Duration now, List<Timeline> continuations) {
        boolean low = state.commandKpa() >= LOSS_MIN_COMMAND_KPA
                && state.measuredKpa() < LOSS_FRACTION * state.commandKpa();
        if (!low) {
            watch.lowSince = null;
            return null;
        }
        if (watch.lowSince == null) {
            watch.lowSince = now;
        }
        Duration lowFor = now.minus(watch.lowSince);
        if (lowFor.compareTo(LOSS_AFTER) < 0) {
            return null;
        }
        Duration from = watch.boundary(state.segment(), now);
        if (from.compareTo(plan.glideEnd()) >= 0) {
            return null; // the cup releases anyway
        }
        List<Segment> segments = plan.seekSeal(state.cup(), from);
        watch.handed(new Track(from, segments));
        watch.dropped = true;
        watch.lowSince = null;
        watch.sealedSince = null;
        continuations.add(new Timeline(state.cup(), segments));
        GlidePlan.CupPlan cup = plan.cup(state.cup());
        return String.format(Locale.ROOT, "seal lost on cup %d (%.1f of %.1f kPa for %.1f s): holding %s kPa until"
                + " it seals again", state.cup(), state.measuredKpa(), state.commandKpa(), seconds(lowFor),
                number(cup.seek()));
    }

    private String resealed(CupWatch watch, Observation.CupState state, Duration now, List<Timeline> continuations) {
        boolean sealed = state.commandKpa() >= RESEAL_MIN_COMMAND_KPA
                && state.measuredKpa() >= RESEAL_FRACTION * state.commandKpa();
        if (!sealed) {
            watch.sealedSince = null;
            return null;
        }
        if (watch.sealedSince == null) {
            watch.sealedSince = now;
        }
        if (now.minus(watch.sealedSince).compareTo(RESEAL_AFTER) < 0) {
            return null;
        }
        Duration from = watch.boundary(state.segment(), now);
        watch.dropped = false;
        watch.sealedSince = null;
        watch.lowSince = null;
        if (from.compareTo(plan.glideEnd()) >= 0) {
            return null;
        }
        GlidePlan.CupPlan cup = plan.cup(state.cup());
        // The seal came back before the drop took over: the cup is still at its glide level.
        boolean dropTaken = watch.pending == null;
        double fromKpa = dropTaken ? cup.seek() : cup.level();
        List<Segment> segments = plan.rampBack(state.cup(), from, fromKpa);
        watch.handed(new Track(from, segments));
        continuations.add(new Timeline(state.cup(), segments));
        return dropTaken
                ? "cup " + state.cup() + " sealed again: back to " + number(cup.level()) + " kPa at "
                        + number(plan.riseKpaPerSecond()) + " kPa/s"
                : "cup " + state.cup() + " sealed again before it dropped: gliding on at " + number(cup.level())
                        + " kPa";
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** A timeline handed to the core and the program time it starts at. */
    record Track(Duration origin, List<Segment> segments) {

        /** Program time at which segment {@code index} ends; {@code null} past the last one. */
        Duration end(int index) {
            if (index < 0 || index >= segments.size()) {
                return null;
            }
            Duration t = origin;
            for (int i = 0; i <= index; i++) {
                t = t.plus(segments.get(i).duration());
            }
            return t;
        }
    }

    /** What the watch knows of one cup. */
    private static final class CupWatch {
        Track current;
        /** A continuation handed to the core and not yet due. */
        Track pending;
        boolean dropped;
        Duration lowSince;
        Duration sealedSince;

        CupWatch(Track program) {
            current = program;
        }

        /** The core takes a continuation over at its boundary: from then on the cup's segments count from it. */
        void takeOverIfDue(Duration now) {
            if (pending != null && now.compareTo(pending.origin()) >= 0) {
                current = pending;
                pending = null;
            }
        }

        /** Where a continuation handed now would start: the end of the cup's current segment. */
        Duration boundary(int segment, Duration now) {
            Duration end = current.end(segment);
            return end == null ? now : end;
        }

        /** A later continuation replaces one not yet taken over, as the core does. */
        void handed(Track continuation) {
            pending = continuation;
        }
    }
}
