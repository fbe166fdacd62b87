package io.upwell.api.records;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads the session records. Registered by the records bundle as an OSGi service; every method is
 * safe from any thread and may block on the database, so never call it on a thread that must not
 * wait (the engine's control loop never does).
 * <p>
 * Records of every engine that shares the database are seen: a clinic's stations share one
 * PostgreSQL, so a client's history holds across its devices.
 */
@ProviderType
public interface RecordsService {

    /**
     * The sessions that match every criterion the query sets, newest first, at most
     * {@link RecordQuery#limit()}.
     *
     * @throws RecordsException when the database cannot be read; the message says why
     */
    List<SessionSummary> find(RecordQuery query) throws RecordsException;

    /**
     * One session with everything recorded about it, its sample trace included; empty when no session
     * of that id has reached the database.
     *
     * @throws RecordsException when the database cannot be read
     */
    Optional<SessionRecord> session(String sessionId) throws RecordsException;

    /**
     * The sessions that treated this client's site and ended at or after {@code since}, newest first,
     * on any device of any station: what a guard against over-treatment (SR-15) asks before a session
     * starts.
     *
     * @param siteKey a site key ({@link SiteKeys#of}); a cup whose site carries a label counts for the
     *                site without it
     * @throws RecordsException when the database cannot be read
     */
    List<SiteTreatment> siteHistory(String clientId, String siteKey, Instant since) throws RecordsException;

    /**
     * The client's cumulative exposure on each site over sessions that started in
     * {@code [from, to)}: one entry per site treated, for a daily exposure limit (pass the bounds of
     * the clinic's day).
     *
     * @throws RecordsException when the database cannot be read
     */
    List<SiteExposure> exposure(String clientId, Instant from, Instant to) throws RecordsException;

    /**
     * How delivery from the journal to the database stands: the database in use, sessions waiting to
     * be delivered and the last problem. Never blocks on the database.
     */
    DeliveryStatus deliveryStatus();
}
