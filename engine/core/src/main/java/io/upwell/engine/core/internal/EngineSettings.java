package io.upwell.engine.core.internal;

import io.upwell.api.safety.HardLimits;
import java.nio.file.Path;

/**
 * Every tunable number of the engine, checked once. Defaults come from docs/SAFETY.md and
 * docs/DOMAIN.md; a value outside its bounds is refused with a message naming the setting.
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
 */
public record EngineSettings(int controlRateHz, boolean virtualClock, Path dataDirectory,
        double rampLimitKpaPerSecond, double rampOutKpaPerSecond, long dwellLimitSeconds, double dwellThresholdKpa,
        long sessionGraceSeconds, long maxSessionMinutes, double leakThresholdKpa, double leakDelaySeconds,
        double frozenSensorSeconds, long lateTickThresholdMillis, int maxConsecutiveLateTicks,
        long watchdogTimeoutMillis, long pluginCallTimeoutMillis, int journalSampleRateHz, long journalFlushMillis) {

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
    }

    /**
     * The longest a late or stopped control loop may go unnoticed, whatever the configuration
     * (SR-10): the late-tick run and the watchdog are both bounded by it (judgement: one second, the
     * time SR-16 allows a crash to lose).
     */
    public static final long MAX_LATE_DETECTION_MILLIS = 1000;

    /** The defaults, with the journal in {@code dataDirectory}. */
    public static EngineSettings defaults(Path dataDirectory, boolean virtualClock) {
        return new EngineSettings(50, virtualClock, dataDirectory, 10.0, 10.0, 15 * 60, 5.0, 60, 60, 2.0, 10.0,
                2.0, 10, 5, 250, 2000, 10, 500);
    }

    public long periodNanos() {
        return 1_000_000_000L / controlRateHz;
    }

    /** A copy with another dwell limit, for tests and for clinics that want it lower. */
    public EngineSettings withDwellLimitSeconds(long seconds) {
        return new EngineSettings(controlRateHz, virtualClock, dataDirectory, rampLimitKpaPerSecond,
                rampOutKpaPerSecond, seconds, dwellThresholdKpa, sessionGraceSeconds, maxSessionMinutes,
                leakThresholdKpa, leakDelaySeconds, frozenSensorSeconds, lateTickThresholdMillis,
                maxConsecutiveLateTicks, watchdogTimeoutMillis, pluginCallTimeoutMillis, journalSampleRateHz,
                journalFlushMillis);
    }

    /** A copy with another maximum session length. */
    public EngineSettings withMaxSessionMinutes(long minutes) {
        return new EngineSettings(controlRateHz, virtualClock, dataDirectory, rampLimitKpaPerSecond,
                rampOutKpaPerSecond, dwellLimitSeconds, dwellThresholdKpa, sessionGraceSeconds, minutes,
                leakThresholdKpa, leakDelaySeconds, frozenSensorSeconds, lateTickThresholdMillis,
                maxConsecutiveLateTicks, watchdogTimeoutMillis, pluginCallTimeoutMillis, journalSampleRateHz,
                journalFlushMillis);
    }

    private static void within(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + ": must be between " + min + " and " + max + ", got " + value);
        }
    }
}
