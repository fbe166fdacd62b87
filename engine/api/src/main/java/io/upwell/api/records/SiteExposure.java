package io.upwell.api.records;

/**
 * A client's cumulative exposure on one site over a time window.
 *
 * @param clientId        the client
 * @param site            the site key
 * @param sessions        how many sessions treated the site in the window
 * @param exposureSeconds time with a cup on the site at or above {@link #THRESHOLD_KPA}, summed over
 *                        cups and sessions
 * @param kpaSeconds      measured vacuum on the site integrated over time, summed (kPa·s)
 */
public record SiteExposure(String clientId, String site, int sessions, double exposureSeconds, double kpaSeconds) {

    /**
     * The vacuum from which a cup counts as applied, in kPa: the lightest therapeutic vacuum in use
     * (interval vacuum therapy starts at 2 kPa), above a sensor's noise at ambient.
     */
    public static final double THRESHOLD_KPA = 2.0;
}
