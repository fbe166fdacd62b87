package io.upwell.api.technique;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a technique asks the core to do: one timeline per cup, and the safety margins the
 * technique needs.
 *
 * @param name      shown to the therapist and journaled
 * @param timelines one per cup of the request, each cup at most once
 * @param policy    the technique's own safety margins; the core may only make them stricter,
 *                  except the leak tolerance, which it bounds
 */
public record Program(String name, List<Timeline> timelines, ProgramPolicy policy) {

    public Program {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policy, "policy");
        timelines = List.copyOf(timelines);
        Set<Integer> seen = new HashSet<>();
        for (Timeline timeline : timelines) {
            if (!seen.add(timeline.cup())) {
                throw new IllegalArgumentException("program " + name + ": cup " + timeline.cup()
                        + " has more than one timeline");
            }
        }
    }

    public Program(String name, List<Timeline> timelines) {
        this(name, timelines, ProgramPolicy.DEFAULT);
    }

    /** The longest timeline's duration: the session's planned length. */
    public Duration duration() {
        return timelines.stream().map(Timeline::duration).max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
