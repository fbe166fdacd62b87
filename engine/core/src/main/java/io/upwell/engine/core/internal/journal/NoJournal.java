package io.upwell.engine.core.internal.journal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journal of an engine that records no therapy: a preview, whose session is simulated and
 * whose records would only be mistaken for real ones.
 */
public final class NoJournal implements SessionJournal {

    @Override
    public void begin(String sessionId, Map<String, Object> fields) {
    }

    @Override
    public void event(String sessionId, String type, Map<String, Object> fields) {
    }

    @Override
    public void eventOfSession(String sessionId, String type, Map<String, Object> fields) {
    }

    @Override
    public void sample(long clockNanos, int cup, double commandedKpa, double measuredKpa) {
    }

    @Override
    public void end(String sessionId, Map<String, Object> summary) {
    }

    @Override
    public List<String> recoverUnfinished() {
        return List.of();
    }

    @Override
    public Optional<String> problem() {
        return Optional.empty();
    }

    @Override
    public long lostRecords() {
        return 0;
    }

    @Override
    public void close() {
    }
}
