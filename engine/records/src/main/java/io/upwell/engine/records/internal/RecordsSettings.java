package io.upwell.engine.records.internal;

import io.upwell.engine.records.internal.db.DatabaseSettings;
import java.net.InetAddress;

/**
 * The configuration, checked: every problem names the setting.
 *
 * @param database        the configured database; null for the embedded one
 * @param poolSize        connections at most
 * @param station         this station's name
 * @param retryMaxSeconds longest wait between attempts
 */
record RecordsSettings(DatabaseSettings database, int poolSize, String station, long retryMaxSeconds) {

    static final long MAX_RETRY_SECONDS = 3600;

    /**
     * @throws IllegalArgumentException naming the setting and what is wrong with it (never the password)
     */
    static RecordsSettings from(RecordsConfig config) {
        int poolSize = config.poolSize();
        if (poolSize < 1 || poolSize > DatabaseSettings.MAX_POOL_SIZE) {
            throw new IllegalArgumentException("poolSize: must be 1 to " + DatabaseSettings.MAX_POOL_SIZE + ", got "
                    + poolSize);
        }
        long retry = config.retryMaxSeconds();
        if (retry < 1 || retry > MAX_RETRY_SECONDS) {
            throw new IllegalArgumentException("retryMaxSeconds: must be 1 to " + MAX_RETRY_SECONDS + ", got " + retry);
        }
        String url = config.url() == null ? "" : config.url().strip();
        DatabaseSettings database = null;
        if (!url.isEmpty()) {
            database = new DatabaseSettings(url, config.user(), config.password(), poolSize);
        } else if (!blank(config.user()) || !blank(config.password())) {
            throw new IllegalArgumentException("user/password: set only with a url; the embedded database needs none");
        }
        String station = blank(config.station()) ? hostName() : config.station().strip();
        if (station.length() > 300) {
            throw new IllegalArgumentException("station: at most 300 characters, got " + station.length());
        }
        return new RecordsSettings(database, poolSize, station, retry);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | SecurityException e) {
            return "localhost";
        }
    }
}
