package io.upwell.engine.core.internal;

import io.upwell.engine.core.internal.settings.EngineSettings;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The engine's configuration (PID {@code io.upwell.engine}); the defaults are {@link EngineSettings}' own, with their sources. */
@ObjectClassDefinition(id = "io.upwell.engine", name = "Upwell engine",
        description = "Timing and safety limits of the Upwell engine. Values outside their bounds stop the engine from starting, with a message naming the setting.")
public @interface EngineConfig {

    @AttributeDefinition(description = "system: real time. virtual: time advances as fast as the engine computes while a session runs (preview, demo --virtual).",
            options = {@Option(label = "system", value = "system"), @Option(label = "virtual", value = "virtual")})
    String clock() default "system";

    @AttributeDefinition(description = "Control ticks per second (10..200).")
    int controlRateHz() default EngineSettings.DEFAULT_CONTROL_RATE_HZ;

    @AttributeDefinition(description = "Directory of the session journal; relative paths are taken from the working directory.")
    String dataDirectory() default EngineSettings.DEFAULT_DATA_DIRECTORY;

    @AttributeDefinition(description = "Fastest commanded rise of vacuum, kPa/s (SR-03; at most 20).")
    double rampLimitKpaPerSecond() default EngineSettings.DEFAULT_RAMP_LIMIT_KPA_PER_SECOND;

    @AttributeDefinition(description = "How fast a ramp-out lowers vacuum, kPa/s.")
    double rampOutKpaPerSecond() default EngineSettings.DEFAULT_RAMP_OUT_KPA_PER_SECOND;

    @AttributeDefinition(description = "Longest continuous vacuum at one site, seconds (SR-04; at most 900).")
    long dwellLimitSeconds() default EngineSettings.DEFAULT_DWELL_LIMIT_SECONDS;

    @AttributeDefinition(description = "Vacuum above which dwell time counts, kPa.")
    double dwellThresholdKpa() default EngineSettings.DEFAULT_DWELL_THRESHOLD_KPA;

    @AttributeDefinition(description = "How long a session may run past its planned end, seconds (SR-05).")
    long sessionGraceSeconds() default EngineSettings.DEFAULT_SESSION_GRACE_SECONDS;

    @AttributeDefinition(description = "No session outlives this, minutes (SR-05; at most 120).")
    long maxSessionMinutes() default EngineSettings.DEFAULT_MAX_SESSION_MINUTES;

    @AttributeDefinition(description = "Tracking error that counts as a leak, kPa (SR-06).")
    double leakThresholdKpa() default EngineSettings.DEFAULT_LEAK_THRESHOLD_KPA;

    @AttributeDefinition(description = "How long the tracking error must last to be a leak, seconds (SR-06).")
    double leakDelaySeconds() default EngineSettings.DEFAULT_LEAK_DELAY_SECONDS;

    @AttributeDefinition(description = "How long a reading may stay unchanged while commands move, seconds (SR-07).")
    double frozenSensorSeconds() default EngineSettings.DEFAULT_FROZEN_SENSOR_SECONDS;

    @AttributeDefinition(description = "Lateness beyond which a control tick counts as late, ms (SR-10; at most one control period).")
    long lateTickThresholdMillis() default EngineSettings.DEFAULT_LATE_TICK_THRESHOLD_MILLIS;

    @AttributeDefinition(description = "Late ticks in a row that make a fault (SR-10; together at most 1 s of ticks).")
    int maxConsecutiveLateTicks() default EngineSettings.DEFAULT_MAX_CONSECUTIVE_LATE_TICKS;

    @AttributeDefinition(description = "A control loop silent this long is declared stopped, ms (SR-10; three periods to 1000).")
    long watchdogTimeoutMillis() default EngineSettings.DEFAULT_WATCHDOG_TIMEOUT_MILLIS;

    @AttributeDefinition(description = "How long a driver or technique call may take, ms (SR-11, SR-12).")
    long pluginCallTimeoutMillis() default EngineSettings.DEFAULT_PLUGIN_CALL_TIMEOUT_MILLIS;

    @AttributeDefinition(description = "Pressure samples per cup and second written to the journal.")
    int journalSampleRateHz() default EngineSettings.DEFAULT_JOURNAL_SAMPLE_RATE_HZ;

    @AttributeDefinition(description = "Longest time a journal record waits before it is forced to disk, ms (SR-16; at most 1000).")
    long journalFlushMillis() default EngineSettings.DEFAULT_JOURNAL_FLUSH_MILLIS;

    @AttributeDefinition(description = "First wait before a failed device connect is tried again, ms; it doubles up to 30 s.")
    long connectRetryMillis() default EngineSettings.DEFAULT_CONNECT_RETRY_MILLIS;

    @AttributeDefinition(description = "Least time between two sessions on one body site of one client, hours (SR-15; 0 turns the check off, at most 720). Sooner needs a recorded override.")
    double siteIntervalHours() default EngineSettings.DEFAULT_SITE_INTERVAL_HOURS;

    @AttributeDefinition(description = "Most program time on one body site of one client in any 24 hours, minutes (SR-15; 1..1440). More needs a recorded override.")
    long dailySiteExposureMinutes() default EngineSettings.DEFAULT_DAILY_SITE_EXPOSURE_MINUTES;
}
