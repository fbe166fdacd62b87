package io.upwell.engine.core.internal.settings;

import io.upwell.api.safety.HardLimits;
import java.nio.file.Path;

/**
 * Every tunable number of the engine, checked once (docs/SAFETY.md and docs/DOMAIN.md give the
 * sources of the defaults). The defaults are the constants below, and the
 * configuration's metatype ({@code EngineConfig}) uses the same constants, so there is one set of
 * defaults. A value outside its bounds is refused with a message naming the setting and the value.
 *
 * @param controlRateHz            control ticks per second (default 50 Hz, the NPWT firmware's 20 ms tick)
 * @param virtualClock             true to run on virtual time
 * @param dataDirectory            where the journal lives
 * @param rampLimitKpaPerSecond    fastest commanded rise (SR-03: default 10 kPa/s)
 * @param rampOutKpaPerSecond      how fast a ramp-out lowers vacuum (judgement: 10 kPa/s)
 * @param dwellLimitSeconds        longest continuous vacuum at one site (SR-04: default 15 min)
 * @param dwellThresholdKpa        vacuum above which dwell time counts (judgement: 5 kPa)
 * @param sessionGraceSeconds      how long past its planned end a session may run (SR-05; judgement: 60 s)
 * @param maxSessionMinutes        no session outlives this (SR-05: default 60 min)
 * @param leakThresholdKpa         tracking error that counts as a leak (SR-06; NPWT firmware: 15 mmHg = 2 kPa)
 * @param leakDelaySeconds         how long the error must last (SR-06; NPWT firmware: 10 s)
 * @param frozenSensorSeconds      how long an unchanged reading may last while commands move (SR-07; judgement: 2 s)
 * @param lateTickThresholdMillis  lateness beyond which a tick counts as late (SR-10; judgement: half a period)
 * @param maxConsecutiveLateTicks  late ticks in a row that make a fault (SR-10; judgement: 5)
 * @param watchdogTimeoutMillis    a control loop silent this long is stopped (SR-10; judgement: 250 ms)
 * @param pluginCallTimeoutMillis  how long a driver or technique call may take (SR-11, SR-12; judgement: 2 s)
 * @param journalSampleRateHz      pressure samples per cup and second in the journal (judgement: 10 Hz)
 * @param journalFlushMillis       longest time a record waits before it is on disk (SR-16: at most 1 s)
 * @param connectRetryMillis       the first wait before a failed connect is tried again; it doubles up to
 *                                 {@link #MAX_CONNECT_RETRY_MILLIS} (judgement: 1 s)
 * @param siteIntervalHours        least time between two sessions on one site of one client (SR-15; trials
 *                                 left 3 to 5 days between sessions: default 72 h; 0 turns the check off)
 * @param dailySiteExposureMinutes most program time on one site of one client in any 24 h (SR-15;
 *                                 judgement from the 20 to 30 min of an interval vacuum session: 30 min)
 */
public record EngineSettings(int controlRateHz, boolean virtualClock, Path dataDirectory,
        double rampLimitKpaPerSecond, double rampOutKpaPerSecond, long dwellLimitSeconds, double dwellThresholdKpa,
        long sessionGraceSeconds, long maxSessionMinutes, double leakThresholdKpa, double leakDelaySeconds,
        double frozenSensorSeconds, long lateTickThresholdMillis, int maxConsecutiveLateTicks,
        long watchdogTimeoutMillis, long pluginCallTimeoutMillis, int journalSampleRateHz, long journalFlushMillis,
        long connectRetryMillis, double siteIntervalHours, long dailySiteExposureMinutes) {

    public static final int DEFAULT_CONTROL_RATE_HZ = 50;
    public static final String DEFAULT_DATA_DIRECTORY = "upwell-data";
    public static final double DEFAULT_RAMP_LIMIT_KPA_PER_SECOND = 10.0;
    public static final double DEFAULT_RAMP_OUT_KPA_PER_SECOND = 10.0;
    public static final long DEFAULT_DWELL_LIMIT_SECONDS = 15 * 60;
    public static final double DEFAULT_DWELL_THRESHOLD_KPA = 5.0;
    public static final long DEFAULT_SESSION_GRACE_SECONDS = 60;
    public static final long DEFAULT_MAX_SESSION_MINUTES = 60;
    public static final double DEFAULT_LEAK_THRESHOLD_KPA = 2.0;
    public static final double DEFAULT_LEAK_DELAY_SECONDS = 10.0;
    public static final double DEFAULT_FROZEN_SENSOR_SECONDS = 2.0;
    public static final long DEFAULT_LATE_TICK_THRESHOLD_MILLIS = 10;
    public static final int DEFAULT_MAX_CONSECUTIVE_LATE_TICKS = 5;
    public static final long DEFAULT_WATCHDOG_TIMEOUT_MILLIS = 250;
    public static final long DEFAULT_PLUGIN_CALL_TIMEOUT_MILLIS = 2000;
    public static final int DEFAULT_JOURNAL_SAMPLE_RATE_HZ = 10;
    public static final long DEFAULT_JOURNAL_FLUSH_MILLIS = 500;
    public static final long DEFAULT_CONNECT_RETRY_MILLIS = 1000;
    public static final double DEFAULT_SITE_INTERVAL_HOURS = 72;
    public static final long DEFAULT_DAILY_SITE_EXPOSURE_MINUTES = 30;
    /** The longest wait between two connect attempts: a device plugged back in is found within it. */
    public static final long MAX_CONNECT_RETRY_MILLIS = 30_000;

    /**
     * The longest a late or stopped control loop may go unnoticed, whatever the configuration
     * (SR-10): the late-tick run and the watchdog are both bounded by it (judgement: one second, the
     * time SR-16 allows a crash to lose).
     */
    public static final long MAX_LATE_DETECTION_MILLIS = 1000;

    public EngineSettings {
        within("controlRateHz", controlRateHz, 10, 200);
        if (dataDirectory == null) {
            throw new IllegalArgumentException("dataDirectory: must be set");
        }
        within("rampLimitKpaPerSecond", rampLimitKpaPerSecond, 0.1, HardLimits.MAX_RISE_KPA_PER_SECOND);
        within("rampOutKpaPerSecond", rampOutKpaPerSecond, 1, 100);
        within("dwellLimitSeconds", dwellLimitSeconds, 10, 15 * 60);
        within("dwellThresholdKpa", dwellThresholdKpa, 0.5, 20);
        within("sessionGraceSeconds", sessionGraceSeconds, 0, 600);
        within("maxSessionMinutes", maxSessionMinutes, 1, HardLimits.MAX_SESSION_MINUTES);
        within("leakThresholdKpa", leakThresholdKpa, 0.5, HardLimits.MAX_LEAK_TOLERANCE_KPA);
        within("leakDelaySeconds", leakDelaySeconds, 0.5, 120);
        within("frozenSensorSeconds", frozenSensorSeconds, 0.2, 30);
        long periodMillis = 1000L / controlRateHz;
        // SR-10 must stay on whatever is configured: a tick later than a whole period is late, and
        // sustained lateness or a stopped loop is a fault within a second.
        within("lateTickThresholdMillis", lateTickThresholdMillis, 1, periodMillis);
        within("maxConsecutiveLateTicks", maxConsecutiveLateTicks, 1, MAX_LATE_DETECTION_MILLIS / periodMillis);
        within("watchdogTimeoutMillis", watchdogTimeoutMillis, 3 * periodMillis, MAX_LATE_DETECTION_MILLIS);
        within("pluginCallTimeoutMillis", pluginCallTimeoutMillis, 50, 60_000);
        within("journalSampleRateHz", journalSampleRateHz, 1, controlRateHz);
        within("journalFlushMillis", journalFlushMillis, 10, 1000);
        within("connectRetryMillis", connectRetryMillis, 10, MAX_CONNECT_RETRY_MILLIS);
        within("siteIntervalHours", siteIntervalHours, 0, 30 * 24);
        within("dailySiteExposureMinutes", dailySiteExposureMinutes, 1, 24 * 60);
    }

    /** The defaults, with the journal in {@code dataDirectory}. */
    public static EngineSettings defaults(Path dataDirectory, boolean virtualClock) {
        return builder(dataDirectory).virtualClock(virtualClock).build();
    }

    /** Settings with every value at its default, to change what a caller needs. */
    public static Builder builder(Path dataDirectory) {
        return new Builder(dataDirectory);
    }

    /** These settings, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder(dataDirectory);
        b.controlRateHz = controlRateHz;
        b.virtualClock = virtualClock;
        b.rampLimitKpaPerSecond = rampLimitKpaPerSecond;
        b.rampOutKpaPerSecond = rampOutKpaPerSecond;
        b.dwellLimitSeconds = dwellLimitSeconds;
        b.dwellThresholdKpa = dwellThresholdKpa;
        b.sessionGraceSeconds = sessionGraceSeconds;
        b.maxSessionMinutes = maxSessionMinutes;
        b.leakThresholdKpa = leakThresholdKpa;
        b.leakDelaySeconds = leakDelaySeconds;
        b.frozenSensorSeconds = frozenSensorSeconds;
        b.lateTickThresholdMillis = lateTickThresholdMillis;
        b.maxConsecutiveLateTicks = maxConsecutiveLateTicks;
        b.watchdogTimeoutMillis = watchdogTimeoutMillis;
        b.pluginCallTimeoutMillis = pluginCallTimeoutMillis;
        b.journalSampleRateHz = journalSampleRateHz;
        b.journalFlushMillis = journalFlushMillis;
        b.connectRetryMillis = connectRetryMillis;
        b.siteIntervalHours = siteIntervalHours;
        b.dailySiteExposureMinutes = dailySiteExposureMinutes;
        return b;
    }

    public long periodNanos() {
        return 1_000_000_000L / controlRateHz;
    }

    private static void within(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + ": must be between " + min + " and " + max + ", got " + value);
        }
    }

    /** Builds settings from the defaults; {@link #build()} checks them. */
    public static final class Builder {
        private final Path dataDirectory;
        private int controlRateHz = DEFAULT_CONTROL_RATE_HZ;
        private boolean virtualClock;
        private double rampLimitKpaPerSecond = DEFAULT_RAMP_LIMIT_KPA_PER_SECOND;
        private double rampOutKpaPerSecond = DEFAULT_RAMP_OUT_KPA_PER_SECOND;
        private long dwellLimitSeconds = DEFAULT_DWELL_LIMIT_SECONDS;
        private double dwellThresholdKpa = DEFAULT_DWELL_THRESHOLD_KPA;
        private long sessionGraceSeconds = DEFAULT_SESSION_GRACE_SECONDS;
        private long maxSessionMinutes = DEFAULT_MAX_SESSION_MINUTES;
        private double leakThresholdKpa = DEFAULT_LEAK_THRESHOLD_KPA;
        private double leakDelaySeconds = DEFAULT_LEAK_DELAY_SECONDS;
        private double frozenSensorSeconds = DEFAULT_FROZEN_SENSOR_SECONDS;
        private long lateTickThresholdMillis = DEFAULT_LATE_TICK_THRESHOLD_MILLIS;
        private int maxConsecutiveLateTicks = DEFAULT_MAX_CONSECUTIVE_LATE_TICKS;
        private long watchdogTimeoutMillis = DEFAULT_WATCHDOG_TIMEOUT_MILLIS;
        private long pluginCallTimeoutMillis = DEFAULT_PLUGIN_CALL_TIMEOUT_MILLIS;
        private int journalSampleRateHz = DEFAULT_JOURNAL_SAMPLE_RATE_HZ;
        private long journalFlushMillis = DEFAULT_JOURNAL_FLUSH_MILLIS;
        private long connectRetryMillis = DEFAULT_CONNECT_RETRY_MILLIS;
        private double siteIntervalHours = DEFAULT_SITE_INTERVAL_HOURS;
        private long dailySiteExposureMinutes = DEFAULT_DAILY_SITE_EXPOSURE_MINUTES;

        private Builder(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
        }

        public Builder controlRateHz(int v) { controlRateHz = v; return this; }
        public Builder virtualClock(boolean v) { virtualClock = v; return this; }
        public Builder rampLimitKpaPerSecond(double v) { rampLimitKpaPerSecond = v; return this; }
        public Builder rampOutKpaPerSecond(double v) { rampOutKpaPerSecond = v; return this; }
        public Builder dwellLimitSeconds(long v) { dwellLimitSeconds = v; return this; }
        public Builder dwellThresholdKpa(double v) { dwellThresholdKpa = v; return this; }
        public Builder sessionGraceSeconds(long v) { sessionGraceSeconds = v; return this; }
        public Builder maxSessionMinutes(long v) { maxSessionMinutes = v; return this; }
        public Builder leakThresholdKpa(double v) { leakThresholdKpa = v; return this; }
        public Builder leakDelaySeconds(double v) { leakDelaySeconds = v; return this; }
        public Builder frozenSensorSeconds(double v) { frozenSensorSeconds = v; return this; }
        public Builder lateTickThresholdMillis(long v) { lateTickThresholdMillis = v; return this; }
        public Builder maxConsecutiveLateTicks(int v) { maxConsecutiveLateTicks = v; return this; }
        public Builder watchdogTimeoutMillis(long v) { watchdogTimeoutMillis = v; return this; }
        public Builder pluginCallTimeoutMillis(long v) { pluginCallTimeoutMillis = v; return this; }
        public Builder journalSampleRateHz(int v) { journalSampleRateHz = v; return this; }
        public Builder journalFlushMillis(long v) { journalFlushMillis = v; return this; }
        public Builder connectRetryMillis(long v) { connectRetryMillis = v; return this; }
        public Builder siteIntervalHours(double v) { siteIntervalHours = v; return this; }
        public Builder dailySiteExposureMinutes(long v) { dailySiteExposureMinutes = v; return this; }

        /** @throws IllegalArgumentException naming the first setting out of its bounds */
        public EngineSettings build() {
            return new EngineSettings(controlRateHz, virtualClock, dataDirectory, rampLimitKpaPerSecond,
                    rampOutKpaPerSecond, dwellLimitSeconds, dwellThresholdKpa, sessionGraceSeconds, maxSessionMinutes,
                    leakThresholdKpa, leakDelaySeconds, frozenSensorSeconds, lateTickThresholdMillis,
                    maxConsecutiveLateTicks, watchdogTimeoutMillis, pluginCallTimeoutMillis, journalSampleRateHz,
                    journalFlushMillis, connectRetryMillis, siteIntervalHours, dailySiteExposureMinutes);
        }
    }
}
