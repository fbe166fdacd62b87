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
}
