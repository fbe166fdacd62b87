package io.upwell.api.records;

import java.util.Map;

/**
 * One cup of a recorded session.
 *
 * @param cup             its index in the session's request
 * @param deviceId        the device
 * @param channel         the channel on that device
 * @param site            its site key ({@link SiteKeys})
 * @param siteLabel       the therapist's label for the site; empty for none
 * @param zone            its place in a chain of cups; null for a cup in no chain
 * @param overrides       parameter values set for this cup alone, as text
 * @param limitKpa        the most vacuum the envelope allowed it, in kPa
 * @param limitSetBy      what set that limit (a body region, the device, screening...)
 * @param peakKpa         the highest vacuum measured on it, in kPa; null when none was measured
 * @param exposureSeconds how long its measured vacuum was at or above
 *                        {@link SiteExposure#THRESHOLD_KPA}, from the sample trace
 * @param kpaSeconds      its measured vacuum integrated over time (kPa·s), from the sample trace
 * @param simulated       whether the device was a simulator (a simulated cup treats nobody, SR-15); null
 *                        when the journal did not say (journals from before the engine wrote it)
 */
public record CupRecord(int cup, String deviceId, int channel, String site, String siteLabel, Integer zone,
        Map<String, String> overrides, double limitKpa, String limitSetBy, Double peakKpa, double exposureSeconds,
        double kpaSeconds, Boolean simulated) {

    public CupRecord {
        siteLabel = siteLabel == null ? "" : siteLabel;
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        limitSetBy = limitSetBy == null ? "" : limitSetBy;
    }

    /** A cup whose device is not known to be simulated or real. */
    public CupRecord(int cup, String deviceId, int channel, String site, String siteLabel, Integer zone,
            Map<String, String> overrides, double limitKpa, String limitSetBy, Double peakKpa, double exposureSeconds,
            double kpaSeconds) {
        this(cup, deviceId, channel, site, siteLabel, zone, overrides, limitKpa, limitSetBy, peakKpa, exposureSeconds,
                kpaSeconds, null);
    }
}
