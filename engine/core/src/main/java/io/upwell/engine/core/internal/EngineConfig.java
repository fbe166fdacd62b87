package io.upwell.engine.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The engine's configuration (PID {@code io.upwell.engine}); see {@link EngineSettings} for the sources of the defaults. */
@ObjectClassDefinition(id = "io.upwell.engine", name = "Upwell engine",
        description = "Timing and safety limits of the Upwell engine. Values outside their bounds stop the engine from starting, with a message naming the setting.")
public @interface EngineConfig {

    @AttributeDefinition(description = "system: real time. virtual: time advances as fast as the engine computes while a session runs (preview, demo --virtual).",
            options = {@Option(label = "system", value = "system"), @Option(label = "virtual", value = "virtual")})
    String clock() default "system";

    @AttributeDefinition(description = "Control ticks per second (10..200).")
    int controlRateHz() default 50;

    @AttributeDefinition(description = "Directory of the session journal; relative paths are taken from the working directory.")
    String dataDirectory() default "upwell-data";

    @AttributeDefinition(description = "Fastest commanded rise of vacuum, kPa/s (SR-03; at most 20).")
    double rampLimitKpaPerSecond() default 10.0;

    @AttributeDefinition(description = "How fast a ramp-out lowers vacuum, kPa/s.")
    double rampOutKpaPerSecond() default 10.0;

    @AttributeDefinition(description = "Longest continuous vacuum at one site, seconds (SR-04; at most 900).")
    long dwellLimitSeconds() default 900;

    @AttributeDefinition(description = "Vacuum above which dwell time counts, kPa.")
    double dwellThresholdKpa() default 5.0;

    @AttributeDefinition(description = "How long a session may run past its planned end, seconds (SR-05).")
    long sessionGraceSeconds() default 60;

    @AttributeDefinition(description = "No session outlives this, minutes (SR-05; at most 120).")
    long maxSessionMinutes() default 60;

    @AttributeDefinition(description = "Tracking error that counts as a leak, kPa (SR-06).")
    double leakThresholdKpa() default 2.0;

    @AttributeDefinition(description = "How long the tracking error must last to be a leak, seconds (SR-06).")
    double leakDelaySeconds() default 10.0;

    @AttributeDefinition(description = "How long a reading may stay unchanged while commands move, seconds (SR-07).")
    double frozenSensorSeconds() default 2.0;

    @AttributeDefinition(description = "Lateness beyond which a control tick counts as late, ms (SR-10).")
    long lateTickThresholdMillis() default 10;

    @AttributeDefinition(description = "Late ticks in a row that make a fault (SR-10).")
    int maxConsecutiveLateTicks() default 5;

    @AttributeDefinition(description = "A control loop silent this long is declared stopped, ms (SR-10).")
    long watchdogTimeoutMillis() default 250;

    @AttributeDefinition(description = "How long a driver or technique call may take, ms (SR-11, SR-12).")
    long pluginCallTimeoutMillis() default 2000;

    @AttributeDefinition(description = "Pressure samples per cup and second written to the journal.")
    int journalSampleRateHz() default 10;

    @AttributeDefinition(description = "Longest time a journal record waits before it is forced to disk, ms (SR-16; at most 1000).")
    long journalFlushMillis() default 500;
}
