package io.upwell.api.records;

import java.util.List;

/**
 * A session that treated a client's site, as the over-treatment guard (SR-15) needs it.
 *
 * @param sessionId       the session
 * @param station         the engine that ran it
 * @param clientId        the client
 * @param site            the site key
 * @param devices         the devices whose cups were on the site
 * @param startedAt       ISO-8601 instant the session started
 * @param endedAt         ISO-8601 instant it ended
 * @param outcome         how it finished
 * @param exposureSeconds the cups on the site at or above {@link SiteExposure#THRESHOLD_KPA}, summed
 * @param kpaSeconds      their measured vacuum integrated over time, summed (kPa·s)
 * @param peakKpa         the highest vacuum measured on the site; null when none was measured
 */
public record SiteTreatment(String sessionId, String station, String clientId, String site, List<String> devices,
        String startedAt, String endedAt, Outcome outcome, double exposureSeconds, double kpaSeconds, Double peakKpa) {

    public SiteTreatment {
        devices = List.copyOf(devices);
        startedAt = Times.checked("site treatment: startedAt", startedAt, true);
        endedAt = Times.checked("site treatment: endedAt", endedAt, true);
    }

    public java.time.Instant endedInstant() {
        return java.time.Instant.parse(endedAt);
    }
}
