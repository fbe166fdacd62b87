package io.upwell.plugins.lymphatic.internal;

import io.upwell.api.technique.ParameterReader;
import io.upwell.api.technique.Cup;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.ProgramPolicy;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.TechniqueException;
import io.upwell.api.technique.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A lymphatic sequence that follows the therapist, laid out on a grid of equal slots: each slot is
 * one zone's turn (its pulses, then the pause between zones) and every cup has a segment boundary at
 * every slot's start. That is what lets a revision start a new wave on every cup at the same moment:
 * a revision takes over at each cup's next segment boundary, and here those all fall on the next
 * slot. The slots before the one a revision starts at are never changed, so the clearing pass, once
 * begun, always finishes first.
 */
final class Schedule {

    private final Chain chain;
    private final double[] level;
    private final int pulses;
    private final Duration on;
    private final Duration off;
    private final Duration gap;
    private final Duration slot;
    private final int waves;
    /** A slot where no zone has its turn. */
    private static final int REST = -1;

    /** The zone whose turn each slot is, or {@link #REST}. */
    private final List<Integer> turns;
    private final int cuedWaveStart;

    private Schedule(Chain chain, double[] level, int pulses, Duration on, Duration off, Duration gap, int waves,
            List<Integer> turns, int cuedWaveStart) {
        this.chain = chain;
        this.level = level;
        this.pulses = pulses;
        this.on = on;
        this.off = off;
        this.gap = gap;
        this.slot = on.plus(off).multipliedBy(pulses).plus(gap);
        this.waves = waves;
        this.turns = List.copyOf(turns);
        this.cuedWaveStart = cuedWaveStart;
    }

    /** The schedule a session starts with: the clearing pass from the trunk outwards, then the full waves. */
    static Schedule of(PlanRequest request) throws TechniqueException {
        Chain chain = Chain.of(request.cups());
        ParameterReader values = new ParameterReader(LymphaticSequenceTechnique.ID, request);
        double[] level = new double[chain.size()];
        for (int zone = 0; zone < chain.size(); zone++) {
            Cup cup = chain.cup(zone);
            level[zone] = Math.min(values.number(LymphaticParameters.PULSE, cup), values.limitOf(cup));
        }
        int waves = values.count(LymphaticParameters.WAVE_COUNT);
        List<Integer> turns = new ArrayList<>();
        for (int zone = 0; zone < chain.size(); zone++) {
            turns.add(zone);
        }
        addWaves(turns, chain.size(), waves);
        return new Schedule(chain, level, values.count(LymphaticParameters.COUNT),
                ParameterReader.seconds(values.number(LymphaticParameters.ON)),
                ParameterReader.seconds(values.number(LymphaticParameters.OFF)),
                ParameterReader.seconds(values.number(LymphaticParameters.GAP)), waves, turns, -1);
    }

    private static void addWaves(List<Integer> turns, int zones, int count) {
        for (int wave = 0; wave < count; wave++) {
            for (int zone = zones - 1; zone >= 0; zone--) {
                turns.add(zone);
            }
        }
    }

    /**
     * The schedule after the therapist cued {@code zone}, for a revision that starts at slot
     * {@code from}: the slots before it unchanged; the rest of the clearing pass if it is not over, or
     * the rest of a wave under way (it finishes at the trunk: lymph moved part of the way is not left
     * there); then a wave from {@code zone} to the trunk; then the full waves less one.
     */
    Schedule cued(int from, int zone) {
        List<Integer> next = new ArrayList<>(turns.subList(0, Math.min(from, turns.size())));
        while (next.size() < from) {
            next.add(REST); // the old schedule had ended: the slots up to the new wave rest
        }
        for (int z = next.size(); z < chain.size(); z++) {
            next.add(z); // the clearing pass, proximal first, is never cut short
        }
        int last = next.get(next.size() - 1);
        if (next.size() > chain.size() && last > 0) {
            for (int z = last - 1; z >= 0; z--) {
                next.add(z);
            }
        }
        int start = next.size();
        for (int z = zone; z >= 0; z--) {
            next.add(z);
        }
        addWaves(next, chain.size(), waves - 1);
        return new Schedule(chain, level, pulses, on, off, gap, waves, next, start);
    }

    /** The slot at which the cued wave begins; -1 for a schedule no cue made. */
    int cuedWaveStart() {
        return cuedWaveStart;
    }

    Chain chain() {
        return chain;
    }

    Duration slot() {
        return slot;
    }

    /** The zones' turns slot by slot; -1 for a slot where none has its turn. */
    List<Integer> turns() {
        return turns;
    }

    /** A zone's segments from the start of slot {@code from} to the end of the schedule. */
    List<Segment> segments(int zone, int from) {
        List<Segment> segments = new ArrayList<>();
        for (int k = from; k < turns.size(); k++) {
            if (turns.get(k) == zone) {
                segments.add(new Segment.Pulse(0.0, level[zone], on, off, pulses));
                if (!gap.isZero()) {
                    segments.add(new Segment.Hold(0.0, gap));
                }
            } else {
                segments.add(new Segment.Hold(0.0, slot));
            }
        }
        return segments;
    }

    /** The whole schedule as a program, every cup from slot 0. */
    Program program(String name, ProgramPolicy policy) {
        List<Timeline> timelines = new ArrayList<>();
        for (int zone = 0; zone < chain.size(); zone++) {
            timelines.add(new Timeline(chain.cup(zone).index(), segments(zone, 0)));
        }
        return new Program(name, timelines, policy);
    }
}
