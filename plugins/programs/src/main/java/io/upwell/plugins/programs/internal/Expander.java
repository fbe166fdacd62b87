package io.upwell.plugins.programs.internal;

import io.upwell.api.technique.Cup;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.TechniqueStyle;
import io.upwell.api.technique.Timeline;
import io.upwell.plugins.programs.internal.Model.Num;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Expands a program for one request: which cups run each phase and when, each cup's segments with
 * the request's parameter values, and, per cup, one timeline with the phases in time order (between
 * two phases a cup holds the level the first one ended at).
 * <p>
 * Besides the program it reports, each tied to its place in the file: a cup given two phases at
 * once, a lymphatic program that works a distal zone before the zones proximal to it are cleared,
 * a request with too few or too many cups or without the chain the program needs, and a value the
 * request's parameters turn into a level or time a segment cannot take. It has no side effects.
 */
final class Expander {

    /** The most segments one cup's timeline may have, however repeats multiply. */
    static final int MAX_SEGMENTS_PER_CUP = 20_000;

    /** A problem with the expansion, at a place in the file. */
    record Issue(String pointer, String message) {
    }

    /**
     * A phase run by one cup.
     *
     * @param active true when some segment of it asks for vacuum
     */
    record Block(int cup, int phase, long startNanos, long endNanos, boolean active) {
    }

    /** The program when there were no issues, every block, and the issues. */
    record Expansion(Optional<Program> program, List<Block> blocks, List<Issue> issues) {
    }

    private final Model.Program def;
    private final PlanRequest request;
    private final List<Issue> issues = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();
    /** Per cup, its blocks' segments, in the order the blocks were made. */
    private final Map<Integer, List<List<Segment>>> segmentsOf = new TreeMap<>();

    private Expander(Model.Program def, PlanRequest request) {
        this.def = def;
        this.request = request;
    }

    static Expansion expand(Model.Program def, PlanRequest request) {
        Expander expander = new Expander(def, request);
        Optional<Program> program;
        try {
            program = expander.run();
        } catch (TooLong e) {
            program = Optional.empty(); // its issue is recorded
        } catch (RuntimeException e) {
            // A request the core should not have passed (a value of the wrong kind): say so, never throw.
            expander.issues.add(new Issue("", "cannot plan this request: " + e.getMessage()));
            program = Optional.empty();
        }
        return new Expansion(expander.issues.isEmpty() ? program : Optional.empty(), List.copyOf(expander.blocks),
                List.copyOf(expander.issues));
    }

    private Optional<Program> run() {
        int n = request.cups().size();
        if (n < def.minCups() || n > def.maxCups()) {
            issues.add(new Issue("/cupCount", "this program needs " + (def.minCups() == def.maxCups() ? def.minCups()
                    : def.minCups() + " to " + def.maxCups()) + " cups; the session has " + n));
            return Optional.empty();
        }
        if (def.style() == TechniqueStyle.LYMPHATIC) {
            for (Cup cup : request.cups()) {
                if (cup.zone().isEmpty()) {
                    issues.add(new Issue("/style", "cup " + cup.index() + " has no zone; a lymphatic program needs"
                            + " every cup placed in a chain (zone 0 nearest the trunk)"));
                }
            }
            if (!issues.isEmpty()) {
                return Optional.empty();
            }
        }
        long[] phaseStart = new long[def.phases().size()];
        long[] phaseEnd = new long[def.phases().size()];
        for (int i = 0; i < def.phases().size(); i++) {
            Model.Phase phase = def.phases().get(i);
            long start = startOf(phase, i, phaseStart, phaseEnd);
            phaseStart[i] = start;
            phaseEnd[i] = start;
            if (phase.when() != null && !holds(phase.when(), null)) {
                continue;
            }
            phaseEnd[i] = runPhase(phase, i, start);
        }
        if (!issues.isEmpty()) {
            return Optional.empty();
        }
        checkOverlap();
        if (def.style() == TechniqueStyle.LYMPHATIC) {
            checkLymphOrder();
        }
        if (!issues.isEmpty()) {
            return Optional.empty();
        }
        List<Timeline> timelines = new ArrayList<>();
        for (Cup cup : request.cups()) {
            timelines.add(new Timeline(cup.index(), timeline(cup.index()), magnet(cup)));
        }
        return Optional.of(new Program(def.name(), timelines, def.policy()));
    }

    private long startOf(Model.Phase phase, int i, long[] phaseStart, long[] phaseEnd) {
        Model.Start start = phase.start();
        long delay = start.delay() == null ? 0 : nanos(value(start.delay(), null));
        return switch (start.kind()) {
            case FOLLOW -> java.util.Arrays.stream(phaseEnd, 0, i).max().orElse(0); // when all before it have ended
            case AFTER -> phaseEnd[start.phase()] + delay;
            case WITH -> phaseStart[start.phase()] + delay;
            case AT -> nanos(value(start.at(), null)) + delay;
        };
    }

    /** Expands the phase for its cups from {@code start}; returns when its last cup is done. */
    private long runPhase(Model.Phase phase, int index, long start) {
        double factor = phase.intensityPercent() / 100.0;
        List<List<Cup>> ranks = ranks(phase);
        long end = start;
        long offset = 0;
        Model.ZoneCups zones = phase.cups() instanceof Model.ZoneCups z ? z : null;
        Long delay = zones == null || zones.delay() == null ? null : nanos(value(zones.delay(), null));
        for (int rank = 0; rank < ranks.size(); rank++) {
            double shift = zones == null ? 0 : zones.waveShift() * rank;
            long rankLength = 0;
            for (Cup cup : ranks.get(rank)) {
                List<Segment> segments = new ArrayList<>();
                steps(phase.steps(), cup, factor, shift, segments);
                long length = total(segments);
                rankLength = Math.max(rankLength, length);
                if (!segments.isEmpty()) {
                    long at = start + (delay == null ? offset : delay * rank);
                    blocks.add(new Block(cup.index(), index, at, at + length, segments.stream().anyMatch(
                            s -> peak(s) > 0)));
                    segmentsOf.computeIfAbsent(cup.index(), c -> new ArrayList<>()).add(segments);
                    end = Math.max(end, at + length);
                }
            }
            offset += rankLength;
        }
        return end;
    }

    /** The phase's cups, grouped in the order they start: one group for "all" and indexes, one per zone otherwise. */
    private List<List<Cup>> ranks(Model.Phase phase) {
        Model.Cups cups = phase.cups();
        if (cups instanceof Model.AllCups) {
            return List.of(request.cups());
        }
        if (cups instanceof Model.IndexedCups indexed) {
            List<Cup> chosen = new ArrayList<>();
            for (int i = 0; i < indexed.indexes().size(); i++) {
                int index = indexed.indexes().get(i);
                if (index >= request.cups().size()) {
                    issues.add(new Issue(cups.pointer() + "/" + i, "phase '" + phase.name() + "' names cup " + index
                            + ", but the session has " + request.cups().size() + " cups (0 to "
                            + (request.cups().size() - 1) + ")"));
                } else {
                    chosen.add(request.cups().get(index));
                }
            }
            return List.of(chosen);
        }
        Model.ZoneCups zones = (Model.ZoneCups) cups;
        TreeMap<Integer, List<Cup>> byZone = new TreeMap<>(zones.proximalFirst() ? Comparator.<Integer>naturalOrder()
                : Comparator.<Integer>reverseOrder());
        for (Cup cup : request.cups()) {
            cup.zone().ifPresent(z -> byZone.computeIfAbsent(z, k -> new ArrayList<>()).add(cup));
        }
        if (byZone.isEmpty()) {
            issues.add(new Issue(cups.pointer(), "phase '" + phase.name() + "' runs cups in zone order, but no cup of"
                    + " the session is placed in a chain; give the cups zones (0 nearest the trunk)"));
        }
        return List.copyOf(byZone.values());
    }

    private void steps(List<Model.Step> steps, Cup cup, double factor, double shift, List<Segment> out) {
        for (Model.Step step : steps) {
            if (step.when() != null && !holds(step.when(), cup)) {
                continue;
            }
            try {
                step(step, cup, factor, shift, out);
            } catch (IllegalArgumentException e) {
                issues.add(new Issue(step.pointer(), "cup " + cup.index() + ": " + e.getMessage()));
            }
            if (out.size() > MAX_SEGMENTS_PER_CUP) {
                issues.add(new Issue(step.pointer(), "the program expands to more than " + MAX_SEGMENTS_PER_CUP
                        + " steps for one cup; use fewer repeats or longer steps"));
                throw new TooLong();
            }
        }
    }

    /** Ends an expansion that has grown too long; its issue is recorded. */
    private static final class TooLong extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLong() {
            super("too many steps", null, false, false);
        }
    }

    private void step(Model.Step step, Cup cup, double factor, double shift, List<Segment> out) {
        if (step instanceof Model.Ramp ramp) {
            out.add(new Segment.Ramp(value(ramp.toKpa(), cup) * factor, duration(ramp.seconds(), cup)));
        } else if (step instanceof Model.Hold hold) {
            out.add(new Segment.Hold(value(hold.kpa(), cup) * factor, duration(hold.seconds(), cup)));
        } else if (step instanceof Model.Pulse pulse) {
            out.add(new Segment.Pulse(value(pulse.lowKpa(), cup) * factor, value(pulse.highKpa(), cup) * factor,
                    duration(pulse.onSeconds(), cup), duration(pulse.offSeconds(), cup), count(pulse.count(), cup)));
        } else if (step instanceof Model.Wave wave) {
            double offset = ((wave.phaseOffset() - shift) % 1.0 + 1.0) % 1.0; // later zones lag
            out.add(new Segment.Wave(value(wave.baseKpa(), cup) * factor, value(wave.amplitudeKpa(), cup) * factor,
                    duration(wave.periodSeconds(), cup), offset, duration(wave.seconds(), cup)));
        } else if (step instanceof Model.Release release) {
            out.add(new Segment.Release(duration(release.seconds(), cup)));
        } else if (step instanceof Model.Repeat repeat) {
            int times = count(repeat.times(), cup);
            for (int round = 0; round < times; round++) {
                double percent = times == 1 ? repeat.fromPercent()
                        : repeat.fromPercent() + (repeat.toPercent() - repeat.fromPercent()) * round / (times - 1);
                steps(repeat.steps(), cup, factor * percent / 100.0, shift, out);
            }
        }
    }

    // ---- checks over the whole expansion ----

    private void checkOverlap() {
        Map<Integer, List<Block>> byCup = new TreeMap<>();
        for (Block block : blocks) {
            byCup.computeIfAbsent(block.cup(), c -> new ArrayList<>()).add(block);
        }
        for (List<Block> cupBlocks : byCup.values()) {
            List<Block> sorted = new ArrayList<>(cupBlocks);
            sorted.sort(Comparator.comparingLong(Block::startNanos).thenComparingInt(Block::phase));
            for (int i = 1; i < sorted.size(); i++) {
                Block before = sorted.get(i - 1);
                Block next = sorted.get(i);
                if (next.startNanos() < before.endNanos()) {
                    Model.Phase a = def.phases().get(before.phase());
                    Model.Phase b = def.phases().get(next.phase());
                    Model.Phase later = before.phase() > next.phase() ? a : b;
                    Model.Phase earlier = later == a ? b : a;
                    Block laterBlock = later == a ? before : next;
                    Block earlierBlock = later == a ? next : before;
                    issues.add(new Issue(later.start().kind() == Model.StartKind.FOLLOW ? later.pointer()
                            + "/cups" : later.start().pointer(), "cup " + next.cup() + " would run phase '"
                            + later.name() + "' (" + Texts.seconds(laterBlock.startNanos()) + " to "
                            + Texts.seconds(laterBlock.endNanos()) + ") while it still runs phase '" + earlier.name()
                            + "' (" + Texts.seconds(earlierBlock.startNanos()) + " to "
                            + Texts.seconds(earlierBlock.endNanos()) + "); a cup runs one phase at a time: start '"
                            + later.name() + "' after '" + earlier.name() + "' or give it other cups"));
                }
            }
        }
    }

    /**
     * A lymphatic program clears zones from the trunk outwards: no zone may be worked before every
     * zone proximal to it (a lower zone number) has finished its first work.
     */
    private void checkLymphOrder() {
        TreeMap<Integer, Long> firstStart = new TreeMap<>();
        TreeMap<Integer, Long> firstEnd = new TreeMap<>();
        TreeMap<Integer, Integer> firstPhase = new TreeMap<>();
        for (Cup cup : request.cups()) {
            int zone = cup.zone().orElseThrow();
            blocks.stream().filter(b -> b.cup() == cup.index() && b.active())
                    .min(Comparator.comparingLong(Block::startNanos)).ifPresent(first -> {
                        if (!firstStart.containsKey(zone) || first.startNanos() < firstStart.get(zone)) {
                            firstStart.put(zone, first.startNanos());
                            firstPhase.put(zone, first.phase());
                        }
                        firstEnd.merge(zone, first.endNanos(), Math::max);
                    });
        }
        java.util.Set<Integer> reported = new java.util.HashSet<>();
        for (Map.Entry<Integer, Long> distal : firstStart.entrySet()) {
            for (Map.Entry<Integer, Long> proximal : firstEnd.headMap(distal.getKey()).entrySet()) {
                if (distal.getValue() < proximal.getValue()) {
                    Model.Phase phase = def.phases().get(firstPhase.get(distal.getKey()));
                    if (!reported.add(firstPhase.get(distal.getKey()))) {
                        break; // one message per phase: the most proximal zone it works too early
                    }
                    issues.add(new Issue(phase.cups().pointer(), "wrong lymph order: phase '" + phase.name()
                            + "' works zone " + distal.getKey() + " from " + Texts.seconds(distal.getValue())
                            + ", before the proximal zone " + proximal.getKey() + " is cleared (its first work ends at "
                            + Texts.seconds(proximal.getValue()) + "); a lymphatic program first clears the zones from"
                            + " the trunk outwards, zone 0 first, each zone finished before the next starts"
                            + " (\"zones\": \"proximal-first\" without delaySeconds), and only then works distal"
                            + " zones"));
                    break;
                }
            }
        }
    }

    // ---- one cup's timeline ----

    private List<Segment> timeline(int cup) {
        List<Block> cupBlocks = blocks.stream().filter(b -> b.cup() == cup)
                .sorted(Comparator.comparingLong(Block::startNanos)).toList();
        List<List<Segment>> made = segmentsOf.getOrDefault(cup, List.of());
        List<Block> inOrderMade = blocks.stream().filter(b -> b.cup() == cup).toList();
        List<Segment> out = new ArrayList<>();
        long t = 0;
        double level = 0;
        for (Block block : cupBlocks) {
            if (block.startNanos() > t) {
                out.add(new Segment.Hold(level, Duration.ofNanos(block.startNanos() - t)));
            }
            List<Segment> segments = made.get(inOrderMade.indexOf(block));
            for (Segment segment : segments) {
                level = endLevel(segment, level);
            }
            out.addAll(segments);
            t = block.endNanos();
        }
        return out;
    }

    /** The level a segment ends at, as the core evaluates it. */
    static double endLevel(Segment segment, double from) {
        if (segment instanceof Segment.Ramp ramp) {
            return ramp.toKpa();
        } else if (segment instanceof Segment.Hold hold) {
            return hold.kpa();
        } else if (segment instanceof Segment.Pulse pulse) {
            return pulse.off().isZero() ? pulse.highKpa() : pulse.lowKpa();
        } else if (segment instanceof Segment.Wave wave) {
            double cycles = (double) wave.duration().toNanos() / wave.period().toNanos() + wave.phaseOffset();
            return wave.baseKpa() + wave.amplitudeKpa() * Math.sin(2.0 * Math.PI * cycles);
        }
        return 0.0;
    }

    /** The highest level a segment asks for. */
    static double peak(Segment segment) {
        if (segment instanceof Segment.Ramp ramp) {
            return ramp.toKpa();
        } else if (segment instanceof Segment.Hold hold) {
            return hold.kpa();
        } else if (segment instanceof Segment.Pulse pulse) {
            return pulse.highKpa();
        } else if (segment instanceof Segment.Wave wave) {
            return wave.baseKpa() + wave.amplitudeKpa();
        }
        return 0.0;
    }

    private double magnet(Cup cup) {
        Num magnet = def.magnet();
        if (magnet == null) {
            return 0.0;
        }
        if (magnet.isReference() && def.parameter(magnet.param()) instanceof io.upwell.api.technique.ParameterSpec.Toggle) {
            return request.toggle(magnet.param(), cup) ? magnet.scale() : 0.0;
        }
        return Math.max(0.0, Math.min(1.0, value(magnet, cup)));
    }

    // ---- values ----

    private boolean holds(Model.Condition condition, Cup cup) {
        if (condition.on() != null) {
            boolean on = cup == null ? request.toggle(condition.param()) : request.toggle(condition.param(), cup);
            return on == condition.on();
        }
        String option = cup == null ? request.choice(condition.param()) : request.choice(condition.param(), cup);
        return option.equals(condition.option());
    }

    /** A field's value for a cup, or the session's value when {@code cup} is null. */
    private double value(Num num, Cup cup) {
        if (!num.isReference()) {
            return num.literal();
        }
        double v = cup == null ? request.number(num.param()) : request.number(num.param(), cup);
        return v * num.scale();
    }

    private Duration duration(Num num, Cup cup) {
        return Duration.ofNanos(nanos(value(num, cup)));
    }

    private static long nanos(double seconds) {
        return Math.round(seconds * 1e9);
    }

    private int count(Num num, Cup cup) {
        return (int) Math.max(1, Math.min(ProgramReader.MAX_COUNT, Math.round(value(num, cup))));
    }

    private static long total(List<Segment> segments) {
        long t = 0;
        for (Segment segment : segments) {
            t += segment.duration().toNanos();
        }
        return t;
    }
}
