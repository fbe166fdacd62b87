package io.upwell.plugins.lymphatic.internal;

import io.upwell.api.technique.Program;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.TechniqueException;
import io.upwell.api.technique.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a lymphatic program's order before it is handed to the engine: lymph must never be drained
 * distal before proximal.
 * <p>
 * The program is read as the engine will run it: each cup's spans of vacuum (consecutive segments
 * that pull), in time order across the chain. Accepted only when
 * <ol>
 * <li>every cup of the chain has one timeline and no other cup has one;</li>
 * <li>one zone pulls at a time;</li>
 * <li>the first spans clear the chain proximal first: zone 0, then 1, ... to the most distal, so no zone
 *     pulls before every zone nearer the trunk has been cleared;</li>
 * <li>every later span belongs to a wave that runs distal to proximal: it starts at the most distal zone,
 *     steps one zone towards the trunk, and ends at zone 0 (the first wave's turn on the most distal zone
 *     may run on from that zone's clearing turn as one span). When the waves follow the therapist, a
 *     wave may start at any zone, the one under the therapist's hands, and still runs to zone 0.</li>
 * </ol>
 */
final class ZoneOrder {

    private ZoneOrder() {
    }

    /** One span of vacuum on one cup. */
    record Span(int zone, int cup, Duration start, Duration end) {
    }

    static void check(Program program, Chain chain) throws TechniqueException {
        check(program, chain, false);
    }

    /** As {@link #check(Program, Chain)}; with {@code wavesStartAnywhere}, a wave may begin at any zone. */
    static void check(Program program, Chain chain, boolean wavesStartAnywhere) throws TechniqueException {
        String id = LymphaticSequenceTechnique.ID;
        int zones = chain.size();
        Set<Integer> seen = new HashSet<>();
        List<Span> spans = new ArrayList<>();
        for (Timeline timeline : program.timelines()) {
            int zone = chain.zoneOf(timeline.cup());
            if (zone < 0) {
                throw new TechniqueException(id + ": the program drives cup " + timeline.cup()
                        + ", which is not in the chain");
            }
            seen.add(timeline.cup());
            spans.addAll(spansOf(timeline, zone));
        }
        for (int zone = 0; zone < zones; zone++) {
            if (!seen.contains(chain.cup(zone).index())) {
                throw new TechniqueException(id + ": the program has no timeline for cup " + chain.cup(zone).index()
                        + " (zone " + zone + ")");
            }
        }
        spans.sort(Comparator.comparing(Span::start).thenComparing(Span::zone));
        for (int i = 1; i < spans.size(); i++) {
            Span before = spans.get(i - 1);
            Span span = spans.get(i);
            if (span.start().compareTo(before.end()) < 0) {
                throw new TechniqueException(id + ": zone " + span.zone() + " (cup " + span.cup() + ") would pull at "
                        + seconds(span.start()) + " while zone " + before.zone() + " (cup " + before.cup()
                        + ") still pulls; one zone at a time");
            }
        }
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            int expected;
            if (i < zones) {
                expected = i;
                if (span.zone() != expected) {
                    throw new TechniqueException(id + ": zone " + span.zone() + " (cup " + span.cup()
                            + ") would be drained at " + seconds(span.start()) + " before zone " + expected + " (cup "
                            + chain.cup(expected).index() + ") has been cleared; proximal zones are cleared first");
                }
            } else {
                int previous = spans.get(i - 1).zone();
                boolean waveStarts = i == zones || previous == 0;
                expected = waveStarts ? (wavesStartAnywhere ? span.zone() : zones - 1) : previous - 1;
                // Right after the clearing pass the distal zone's first wave turn may follow its clearing
                // turn without a pause, merged into one span: the wave then goes on one zone in.
                boolean merged = i == zones && zones > 1 && span.zone() == zones - 2;
                if (span.zone() != expected && !merged) {
                    throw new TechniqueException(id + ": zone " + span.zone() + " (cup " + span.cup() + ") would pull at "
                            + seconds(span.start()) + " out of wave order; waves run distal to proximal, so zone "
                            + expected + " (cup " + chain.cup(expected).index() + ") comes next");
                }
            }
        }
        if (spans.size() < zones) {
            int missing = spans.size();
            throw new TechniqueException(id + ": zone " + missing + " (cup " + chain.cup(missing).index()
                    + ") is never cleared");
        }
        Span last = spans.get(spans.size() - 1);
        if (spans.size() > zones && last.zone() != 0) {
            throw new TechniqueException(id + ": the last wave stops at zone " + last.zone() + " (cup " + last.cup()
                    + ") before it reaches zone 0; a wave runs all the way to the trunk");
        }
    }

    /** The cup's spans of vacuum: consecutive segments that pull, merged. */
    static List<Span> spansOf(Timeline timeline, int zone) {
        List<Span> spans = new ArrayList<>();
        Duration t = Duration.ZERO;
        Duration spanStart = null;
        double level = 0.0;
        for (Segment segment : timeline.segments()) {
            boolean pulls;
            if (segment instanceof Segment.Ramp ramp) {
                pulls = ramp.toKpa() > 0 || level > 0;
                level = ramp.toKpa();
            } else if (segment instanceof Segment.Hold hold) {
                pulls = hold.kpa() > 0;
                level = hold.kpa();
            } else if (segment instanceof Segment.Pulse pulse) {
                pulls = pulse.highKpa() > 0;
                level = pulse.off().isZero() ? pulse.highKpa() : pulse.lowKpa();
            } else if (segment instanceof Segment.Wave wave) {
                pulls = wave.baseKpa() > 0;
                level = wave.baseKpa();
            } else {
                pulls = level > 0;
                level = 0.0;
            }
            pulls = pulls && !segment.duration().isZero();
            Duration end = t.plus(segment.duration());
            if (pulls && spanStart == null) {
                spanStart = t;
            } else if (!pulls && spanStart != null) {
                spans.add(new Span(zone, timeline.cup(), spanStart, t));
                spanStart = null;
            }
            t = end;
        }
        if (spanStart != null) {
            spans.add(new Span(zone, timeline.cup(), spanStart, t));
        }
        return spans;
    }

    private static String seconds(Duration time) {
        return (time.toMillis() / 1000.0) + " s";
    }
}
