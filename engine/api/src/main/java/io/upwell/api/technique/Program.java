package io.upwell.api.technique;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a technique asks the core to do: one timeline per cup, the safety margins the technique
 * needs, and whether it wants to adapt the program while it runs.
 *
 * @param name       shown to the therapist and journaled
 * @param timelines  one per cup of the request, each cup at most once
 * @param policy     the technique's own safety margins; the core may only make them stricter,
 *                   except the leak tolerance, which it bounds
 * @param adaptEvery how often the core asks the technique's {@link Technique#adapt} for a revision while
 *                   the session runs; {@link Duration#ZERO} for a program that never changes. The core
 *                   asks no more often than {@link #MIN_ADAPT_PERIOD}.
 */
public record Program(String name, List<Timeline> timelines, ProgramPolicy policy, Duration adaptEvery) {

    /** The shortest period at which the core asks a technique to adapt. */
    public static final Duration MIN_ADAPT_PERIOD = Duration.ofMillis(100);

    public Program {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policy, "policy");
        timelines = List.copyOf(timelines);
        if (adaptEvery == null || adaptEvery.isNegative()) {
            throw new IllegalArgumentException("program " + name + ": adaptEvery must be zero or positive, got "
                    + adaptEvery);
        }
        Set<Integer> seen = new HashSet<>();
        for (Timeline timeline : timelines) {
            if (!seen.add(timeline.cup())) {
                throw new IllegalArgumentException("program " + name + ": cup " + timeline.cup()
                        + " has more than one timeline");
            }
        }
    }

    public Program(String name, List<Timeline> timelines, ProgramPolicy policy) {
        this(name, timelines, policy, Duration.ZERO);
    }

    public Program(String name, List<Timeline> timelines) {
        this(name, timelines, ProgramPolicy.DEFAULT, Duration.ZERO);
    }

    /** The same program, asking to be adapted every {@code period} while it runs. */
    public Program adaptingEvery(Duration period) {
        return new Program(name, timelines, policy, period);
    }

    /** True when the technique asked to adapt the program while it runs. */
    public boolean isAdaptive() {
        return !adaptEvery.isZero();
    }

    /** The longest timeline's duration: the session's planned length. */
    public Duration duration() {
        return timelines.stream().map(Timeline::duration).max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
