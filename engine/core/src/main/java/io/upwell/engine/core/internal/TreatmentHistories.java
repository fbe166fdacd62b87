package io.upwell.engine.core.internal;

import io.upwell.api.history.HistoryUnavailableException;
import io.upwell.api.history.PastTreatment;
import io.upwell.api.history.TreatmentHistory;
import io.upwell.engine.core.internal.history.OverTreatmentRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Where the engine reads a client's past treatments (SR-15): the registered {@link TreatmentHistory}
 * (a records service several stations share) when there is one, called as plugin code under the
 * deadline, else this station's own journals. Either way the sessions this engine ran since it
 * started are added from memory, from the moment each started: a journal written a moment later,
 * or a records service not yet given the session, must not let a site be treated twice.
 */
final class TreatmentHistories {

    private record Registered(TreatmentHistory history, String module) {
    }

    private final TreatmentHistory journal;
    private final Supplier<Instant> now;
    private volatile Registered registered;

    /** A session this engine ran: its real cups, when it started and, once over, when it ended and for how long it ran. */
    private record Own(String clientId, List<OverTreatmentRules.PlannedSite> sites, Instant started, Instant ended,
            Duration exposure) {
    }

    /** Older than this, a session of this run is left to the journal or the records. */
    private static final Duration REMEMBERED = Duration.ofDays(31);

    private final Map<String, Own> own = new ConcurrentHashMap<>();

    TreatmentHistories(TreatmentHistory journal, Supplier<Instant> now) {
        this.journal = journal;
        this.now = now;
    }

    void use(TreatmentHistory history, String module) {
        registered = new Registered(history, module);
    }

    void drop(TreatmentHistory history) {
        Registered current = registered;
        if (current != null && current.history() == history) {
            registered = null;
        }
    }

    Instant now() {
        return now.get();
    }

    /** Which history answers, in words for the journal. */
    String source() {
        Registered current = registered;
        return current == null ? "this station's journal" : "treatment history of module " + current.module();
    }

    /** A session on real devices started now. */
    void began(String sessionId, String clientId, List<OverTreatmentRules.PlannedSite> sites) {
        if (!sites.isEmpty()) {
            own.put(sessionId, new Own(clientId, sites, now.get(), null, null));
        }
    }

    /** The session ended now, after its program ran for {@code exposure}. */
    void ended(String sessionId, Duration exposure) {
        Instant at = now.get();
        own.computeIfPresent(sessionId, (id, o) -> new Own(o.clientId(), o.sites(), o.started(), at, exposure));
        own.values().removeIf(o -> o.ended() != null && o.ended().isBefore(at.minus(REMEMBERED)));
    }

    List<PastTreatment> read(String clientId, Instant since, PluginCaller caller) throws HistoryUnavailableException {
        List<PastTreatment> found = new ArrayList<>(source(clientId, since, caller));
        Set<String> known = new HashSet<>();
        found.forEach(t -> known.add(t.sessionId()));
        Instant at = now.get();
        own.forEach((id, o) -> {
            if (!o.clientId().equals(clientId) || known.contains(id)) {
                return;
            }
            // Still running: it counts as ending now, for as long as it has run so far.
            Instant ended = o.ended() != null ? o.ended() : at;
            Duration exposure = o.exposure() != null ? o.exposure() : Duration.between(o.started(), at);
            if (ended.isBefore(since)) {
                return;
            }
            for (OverTreatmentRules.PlannedSite site : o.sites()) {
                found.add(new PastTreatment(id, site.deviceId(), site.site(), o.started(), ended,
                        exposure.isNegative() ? Duration.ZERO : exposure));
            }
        });
        return found;
    }

    private List<PastTreatment> source(String clientId, Instant since, PluginCaller caller)
            throws HistoryUnavailableException {
        Registered current = registered;
        if (current == null) {
            return journal.treatments(clientId, since);
        }
        String who = "the treatment history (module " + current.module() + ")";
        try {
            List<PastTreatment> found = caller.call(who, "treatments", () -> current.history().treatments(clientId,
                    since)).get();
            if (found == null) {
                throw new HistoryUnavailableException(who + " gave no answer (null)");
            }
            return found;
        } catch (ExecutionException e) {
            Throwable cause = Failures.unwrap(e);
            throw new HistoryUnavailableException(who + ": " + (cause instanceof HistoryUnavailableException
                    ? cause.getMessage() : Failures.describe(e)), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HistoryUnavailableException("interrupted while " + who + " was read", e);
        }
    }
}
