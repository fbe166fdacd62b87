package io.upwell.engine.core.internal;

import io.upwell.engine.core.internal.settings.EngineSettings;
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
        String rate = refusal(() -> EngineSettings.builder(DIR).controlRateHz(5000).build());
        assertTrue(rate.startsWith("controlRateHz:") && rate.contains("5000"), rate);
        String ramp = refusal(() -> EngineSettings.builder(DIR).rampLimitKpaPerSecond(25).build());
        assertTrue(ramp.startsWith("rampLimitKpaPerSecond:") && ramp.contains("20.0"),
                "the hard limit of 20 kPa/s bounds the ramp: " + ramp);
        String dwell = refusal(() -> EngineSettings.builder(DIR).dwellLimitSeconds(3600).build());
        assertTrue(dwell.startsWith("dwellLimitSeconds:"), dwell);
        String session = refusal(() -> EngineSettings.builder(DIR).maxSessionMinutes(240).build());
        assertTrue(session.startsWith("maxSessionMinutes:"), session);
        String flush = refusal(() -> EngineSettings.builder(DIR).journalFlushMillis(5000).build());
        assertTrue(flush.startsWith("journalFlushMillis:"), "a crash may lose at most a second (SR-16): " + flush);
        String nan = refusal(() -> EngineSettings.builder(DIR).rampLimitKpaPerSecond(Double.NaN).build());
        assertTrue(nan.startsWith("rampLimitKpaPerSecond:") && nan.contains("NaN"), nan);
    }

    @Test
    @Tag("SR-10")
    void noConfigurationSwitchesTheLateLoopFaultOrTheWatchdogOff() {
        // 1 000 late ticks of 1 s each, or a 5 s watchdog, would let a stalled loop hold vacuum for minutes.
        String threshold = refusal(() -> EngineSettings.builder(DIR).lateTickThresholdMillis(1000).build());
        assertTrue(threshold.startsWith("lateTickThresholdMillis:") && threshold.contains("20"),
                "a tick is late at one period (20 ms at 50 Hz) at the latest: " + threshold);
        String run = refusal(() -> EngineSettings.builder(DIR).maxConsecutiveLateTicks(1000).build());
        assertTrue(run.startsWith("maxConsecutiveLateTicks:") && run.contains("50"),
                "50 ticks of 20 ms make the one-second bound: " + run);
        String watchdog = refusal(() -> EngineSettings.builder(DIR).watchdogTimeoutMillis(5000).build());
        assertTrue(watchdog.startsWith("watchdogTimeoutMillis:") && watchdog.contains("1000"), watchdog);
        String tooEager = refusal(() -> EngineSettings.builder(DIR).controlRateHz(10).build());
        assertTrue(tooEager.startsWith("watchdogTimeoutMillis:") && tooEager.contains("300"),
                "at 10 Hz the watchdog needs three periods, or it fires between two healthy ticks: " + tooEager);
        // The edges themselves are accepted.
        EngineSettings.builder(DIR).lateTickThresholdMillis(20).maxConsecutiveLateTicks(50).watchdogTimeoutMillis(1000).build();
    }
}
