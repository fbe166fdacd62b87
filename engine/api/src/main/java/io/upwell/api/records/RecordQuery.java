package io.upwell.api.records;

import java.time.Instant;

/**
 * What to look for among the records: every criterion that is set must match; null leaves it open.
 * Build one from {@link #all()} with the {@code with...} methods.
 *
 * @param clientId    the client's id, exactly
 * @param siteKey     a site key ({@link SiteKeys}): sessions with at least one cup there
 * @param from        ISO-8601 instant: sessions that started at or after it
 * @param to          ISO-8601 instant: sessions that started before it
 * @param deviceId    sessions with at least one cup on this device
 * @param techniqueId sessions of this technique
 * @param limit       the most sessions returned, 1 to {@value #MAX_LIMIT}
 */
public record RecordQuery(String clientId, String siteKey, String from, String to, String deviceId,
        String techniqueId, int limit) {

    /** The limit of {@link #all()}. */
    public static final int DEFAULT_LIMIT = 100;
    /** The most sessions one query returns. */
    public static final int MAX_LIMIT = 10_000;

    public RecordQuery {
        clientId = blankToNull(clientId);
        siteKey = blankToNull(siteKey);
        deviceId = blankToNull(deviceId);
        techniqueId = blankToNull(techniqueId);
        from = Times.checked("records query: from", blankToNull(from), false);
        to = Times.checked("records query: to", blankToNull(to), false);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("records query: limit must be 1 to " + MAX_LIMIT + ", got " + limit);
        }
        if (from != null && to != null && !Instant.parse(from).isBefore(Instant.parse(to))) {
            throw new IllegalArgumentException("records query: from (" + from + ") must be before to (" + to + ")");
        }
    }

    /** Every session, newest first, at most {@value #DEFAULT_LIMIT}. */
    public static RecordQuery all() {
        return new RecordQuery(null, null, null, null, null, null, DEFAULT_LIMIT);
    }

    public RecordQuery withClient(String id) {
        return new RecordQuery(id, siteKey, from, to, deviceId, techniqueId, limit);
    }

    public RecordQuery withSite(String key) {
        return new RecordQuery(clientId, key, from, to, deviceId, techniqueId, limit);
    }

    public RecordQuery withFrom(Instant start) {
        return new RecordQuery(clientId, siteKey, Times.text(start), to, deviceId, techniqueId, limit);
    }

    public RecordQuery withTo(Instant end) {
        return new RecordQuery(clientId, siteKey, from, Times.text(end), deviceId, techniqueId, limit);
    }

    public RecordQuery withDevice(String id) {
        return new RecordQuery(clientId, siteKey, from, to, id, techniqueId, limit);
    }

    public RecordQuery withTechnique(String id) {
        return new RecordQuery(clientId, siteKey, from, to, deviceId, id, limit);
    }

    public RecordQuery withLimit(int most) {
        return new RecordQuery(clientId, siteKey, from, to, deviceId, techniqueId, most);
    }

    /** {@link #from()} as an instant, or null. */
    public Instant fromInstant() {
        return Times.instant(from);
    }

    /** {@link #to()} as an instant, or null. */
    public Instant toInstant() {
        return Times.instant(to);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
