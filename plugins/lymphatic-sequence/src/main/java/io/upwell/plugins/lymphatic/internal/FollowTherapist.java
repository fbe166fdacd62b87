package io.upwell.plugins.lymphatic.internal;

import io.upwell.api.technique.Observation;
import io.upwell.api.technique.ProgramPolicy;
import io.upwell.api.technique.ProgramRevision;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.TechniqueException;
import io.upwell.api.technique.TherapistCue;
import io.upwell.api.technique.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One session's following of the therapist: turns a cue into a revision that starts a wave at the
 * cued zone on the next slot of the {@link Schedule}. Not thread-safe; the technique calls it under
 * its lock, and the core asks one adaptation at a time anyway.
 */
final class FollowTherapist {

    /**
     * A revision needs every cup to reach its next boundary after the revision arrives, or that cup
     * would take it over a segment late, out of step with the others. A cue seen closer than this
     * to any cup's boundary waits for the next observation. The core compiles a revision within
     * milliseconds; half a second leaves room for a slow machine.
     */
    static final Duration MARGIN = Duration.ofMillis(500);

    private Schedule schedule;
    private TherapistCue pending;

    FollowTherapist(Schedule schedule) {
        this.schedule = schedule;
    }

    Schedule schedule() {
        return schedule;
    }

    Optional<ProgramRevision> observe(Observation observation, ProgramPolicy policy) throws TechniqueException {
        observation.cue().ifPresent(cue -> pending = cue);
        if (pending == null) {
            return Optional.empty();
        }
        long slot = schedule.slot().toNanos();
        long elapsed = observation.elapsed().toNanos();
        long minLeft = Long.MAX_VALUE;
        int from = 0;
        for (Observation.CupState cup : observation.cups()) {
            long left = cup.segmentLeft().toNanos();
            if (cup.stopped() || left <= 0) {
                continue;
            }
            minLeft = Math.min(minLeft, left);
            from = Math.max(from, (int) ceilDiv(elapsed + left, slot));
        }
        if (minLeft == Long.MAX_VALUE) {
            pending = null; // every cup is done or stopped: nothing left to follow
            return Optional.empty();
        }
        if (minLeft < MARGIN.toNanos()) {
            return Optional.empty(); // kept for the next observation, past this boundary
        }
        Chain chain = schedule.chain();
        int zone = chain.zoneOf(pending.cup());
        if (zone < 0) {
            throw new TechniqueException(LymphaticSequenceTechnique.ID + ": cue on cup " + pending.cup()
                    + ", which is not in the chain");
        }
        Schedule next = schedule.cued(from, zone);
        ZoneOrder.check(next.program("check", policy), chain, true);
        List<Timeline> continuations = new ArrayList<>();
        for (Observation.CupState cup : observation.cups()) {
            long left = cup.segmentLeft().toNanos();
            if (cup.stopped() || left <= 0) {
                continue;
            }
            long end = elapsed + left;
            int first = (int) ceilDiv(end, slot);
            List<Segment> segments = new ArrayList<>();
            long pad = first * slot - end; // the pause after a pulse that ends just before its slot does
            if (pad > 0) {
                segments.add(new Segment.Hold(0.0, Duration.ofNanos(pad)));
            }
            segments.addAll(next.segments(chain.zoneOf(cup.cup()), first));
            continuations.add(new Timeline(cup.cup(), segments));
        }
        double startsAt = next.cuedWaveStart() * (double) slot / 1e9;
        String reason = "the therapist's hands are over cup " + pending.cup() + " (zone " + zone + "): a wave from"
                + " there to the trunk starts at " + Math.round(startsAt * 10) / 10.0 + " s";
        schedule = next;
        pending = null;
        return Optional.of(new ProgramRevision(continuations, reason));
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
