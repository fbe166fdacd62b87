package io.upwell.engine.records.internal.history;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.history.HistoryUnavailableException;
import io.upwell.api.history.PastTreatment;
import io.upwell.api.history.TreatmentHistory;
import io.upwell.api.records.RecordsException;
import io.upwell.engine.records.internal.db.RecordStore.TreatedCup;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A client's treatment history (SR-15) from the records database every station of a clinic shares,
 * plus this station's sessions that have ended but are still waiting in its journal for the
 * database. The database is asked first: when it cannot be read, the history is unavailable (the
 * engine then refuses the start naming the database), since another station's sessions are only
 * there. The waiting journals are read with the records bundle's own journal reader, so a session
 * that ended a moment ago, or while the database was away, counts at once.
 * <p>
 * A past treatment's exposure is the session's program time (pauses excluded), which is what the
 * rules are stated in and what the engine counts for its own journal: the trace's measured exposure
 * (time at or above 2 kPa) leaves out ramps and light phases and would let more through.
 */
public final class SharedTreatmentHistory implements TreatmentHistory {

    /** The database's side: the client's cups on devices not known to be simulated. */
    @FunctionalInterface
    public interface StoredCups {
        List<TreatedCup> treatedCups(String clientId, Instant since) throws RecordsException;
    }

    private final StoredCups stored;
    private final Supplier<List<Path>> dataDirectories;

    /**
     * @param stored          reads the shared database
     * @param dataDirectories the data directories of this station's engines, whose journals may hold
     *                        sessions the database does not have yet
     */
    public SharedTreatmentHistory(StoredCups stored, Supplier<List<Path>> dataDirectories) {
        this.stored = stored;
        this.dataDirectories = dataDirectories;
    }

    @Override
    public List<PastTreatment> treatments(String clientId, Instant since) throws HistoryUnavailableException {
        List<TreatedCup> cups;
        try {
            cups = stored.treatedCups(clientId, since);
        } catch (RecordsException e) {
            throw new HistoryUnavailableException(e.getMessage(), e);
        }
        List<PastTreatment> treatments = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (TreatedCup cup : cups) {
            known.add(cup.sessionId());
            treatments.add(new PastTreatment(cup.sessionId(), cup.deviceId(), site(cup.sessionId(), cup.site()),
                    cup.startedAt(), cup.endedAt(), programTime(cup.programSeconds())));
        }
        for (Path dataDirectory : dataDirectories.get()) {
            for (WaitingJournals.Cup cup : new WaitingJournals(dataDirectory).treatedCups(clientId, since, known)) {
                treatments.add(new PastTreatment(cup.sessionId(), cup.deviceId(), site(cup.sessionId(), cup.site()),
                        cup.startedAt(), cup.endedAt(), programTime(cup.programSeconds())));
            }
        }
        return treatments;
    }

    private static Duration programTime(double seconds) {
        return seconds > 0 ? Duration.ofMillis(Math.round(seconds * 1000)) : Duration.ZERO;
    }

    /**
     * The body site of a site key ({@code upper-back/left}, {@code sacrum}). A key this engine does not
     * know makes the history unavailable rather than leaving a treatment out.
     */
    static BodySite site(String sessionId, String siteKey) throws HistoryUnavailableException {
        try {
            int slash = siteKey.indexOf('/');
            BodyRegion region = BodyRegion.parse(slash < 0 ? siteKey : siteKey.substring(0, slash));
            Side side = slash < 0 ? Side.CENTRE : Side.valueOf(siteKey.substring(slash + 1).toUpperCase(Locale.ROOT));
            return new BodySite(region, side, "");
        } catch (IllegalArgumentException e) {
            throw new HistoryUnavailableException("session " + sessionId + " in the records has a site this engine does"
                    + " not know, '" + siteKey + "' (" + e.getMessage() + ")", e);
        }
    }
}
