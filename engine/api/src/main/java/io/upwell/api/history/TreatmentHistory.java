package io.upwell.api.history;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where the engine reads a client's past sessions before it starts a new one (SR-15). Registered as
 * an OSGi service by whatever keeps the records (the highest-ranked one is used); the engine calls it
 * off the control thread, under its plugin-call timeout, and refuses a start on a real device when
 * it cannot answer.
 */
@ProviderType
public interface TreatmentHistory {

    /**
     * The client's treatments on real (not simulated) devices that ended at or after {@code since},
     * on every station that shares this history, including sessions journaled but not yet stored.
     *
     * @param clientId the client, as in the session request
     * @param since    the earliest end of a treatment that matters
     * @return one entry per cup site and session, in any order; empty when there are none
     * @throws HistoryUnavailableException when the history cannot be read now (a database that is
     *         down, say): the engine then refuses the start, giving the reason
     */
    List<PastTreatment> treatments(String clientId, Instant since) throws HistoryUnavailableException;
}
