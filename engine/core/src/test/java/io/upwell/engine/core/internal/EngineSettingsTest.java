package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("SR-17")
class EngineSettingsTest {
    private static final Path DIR = Path.of("upwell-data");

    private static String refusal(org.junit.jupiter.api.function.Executable build) {
        return assertThrows(IllegalArgumentException.class, build).getMessage();
    }

    @Test
    void everyValueOutOfItsBoundsIsRefusedNamingTheSettingAndTheValue() {
        String rate = refusal(() -> new EngineSettings(5000, false, DIR, 10, 10, 900, 5, 60, 60, 2, 10, 2, 10, 5, 250,
                2000, 10, 500));
        assertTrue(rate.startsWith("controlRateHz:") && rate.contains("5000"), rate);
        String ramp = refusal(() -> new EngineSettings(50, false, DIR, 25, 10, 900, 5, 60, 60, 2, 10, 2, 10, 5, 250,
                2000, 10, 500));
        assertTrue(ramp.startsWith("rampLimitKpaPerSecond:") && ramp.contains("20.0"),
                "the hard limit of 20 kPa/s bounds the ramp: " + ramp);
        String dwell = refusal(() -> new EngineSettings(50, false, DIR, 10, 10, 3600, 5, 60, 60, 2, 10, 2, 10, 5, 250,
                2000, 10, 500));
        assertTrue(dwell.startsWith("dwellLimitSeconds:"), dwell);
        String session = refusal(() -> new EngineSettings(50, false, DIR, 10, 10, 900, 5, 60, 240, 2, 10, 2, 10, 5,
                250, 2000, 10, 500));
        assertTrue(session.startsWith("maxSessionMinutes:"), session);
        String flush = refusal(() -> new EngineSettings(50, false, DIR, 10, 10, 900, 5, 60, 60, 2, 10, 2, 10, 5, 250,
                2000, 10, 5000));
        assertTrue(flush.startsWith("journalFlushMillis:"), "a crash may lose at most a second (SR-16): " + flush);
        String nan = refusal(() -> new EngineSettings(50, false, DIR, Double.NaN, 10, 900, 5, 60, 60, 2, 10, 2, 10, 5,
                250, 2000, 10, 500));
        assertTrue(nan.startsWith("rampLimitKpaPerSecond:") && nan.contains("NaN"), nan);
    }

    @Test
    @Tag("SR-10")
    void noConfigurationSwitchesTheLateLoopFaultOrTheWatchdogOff() {
        // 1 000 late ticks of 1 s each, or a 5 s watchdog, would let a stalled loop hold vacuum for minutes.
        String threshold = refusal(() -> new EngineSettings(50, false, DIR, 10, 10, 900, 5, 60, 60, 2, 10, 2, 1000, 5,
                250, 2000, 10, 500));
        assertTrue(threshold.startsWith("lateTickThresholdMillis:") && threshold.contains("20"),
                "a tick is late at one period (20 ms at 50 Hz) at the latest: " + threshold);
        String run = refusal(() -> new EngineSettings(50, false, DIR, 10, 10, 900, 5, 60, 60, 2, 10, 2, 10, 1000, 250,
                2000, 10, 500));
        assertTrue(run.startsWith("maxConsecutiveLateTicks:") && run.contains("50"),
                "50 ticks of 20 ms make the one-second bound: " + run);
        String watchdog = refusal(() -> new EngineSettings(50, false, DIR, 10, 10, 900, 5, 60, 60, 2, 10, 2, 10, 5,
                5000, 2000, 10, 500));
        assertTrue(watchdog.startsWith("watchdogTimeoutMillis:") && watchdog.contains("1000"), watchdog);
        String tooEager = refusal(() -> new EngineSettings(10, false, DIR, 10, 10, 900, 5, 60, 60, 2, 10, 2, 10, 5, 250,
                2000, 10, 500));
        assertTrue(tooEager.startsWith("watchdogTimeoutMillis:") && tooEager.contains("300"),
                "at 10 Hz the watchdog needs three periods, or it fires between two healthy ticks: " + tooEager);
        // The edges themselves are accepted.
        new EngineSettings(50, false, DIR, 10, 10, 900, 5, 60, 60, 2, 10, 2, 20, 50, 1000, 2000, 10, 500);
    }
}
