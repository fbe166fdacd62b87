package io.upwell.engine.core.internal;

import io.upwell.api.screening.ScreeningRule;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The clinic's screening rules the engine was given (the whiteboard), each with the module it came from. */
final class ScreeningRules {

    record Entry(ScreeningRule rule, String module) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    void add(ScreeningRule rule, String module) {
        entries.add(new Entry(rule, module));
    }

    void remove(ScreeningRule rule) {
        entries.removeIf(e -> e.rule() == rule);
    }

    List<Entry> snapshot() {
        return List.copyOf(entries);
    }
}
