package io.upwell.devices.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.MagnetSupport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatorSettingsTest {

    @Test
    void theConfigurationDefaultsAreTheSettingsDefaults() {
        assertEquals(SimulatorSettings.defaults(), SimulatorSettings.from(Configs.config(Map.of())));
    }

    @Test
    void aConfigurationIsConvertedPropertyByProperty() {
        SimulatorSettings settings = SimulatorSettings.from(Configs.config(Map.of(
                "id", "bench-7", "channels", 2, "channelMaxVacuumKpa", 40.0, "deviceMaxVacuumKpa", 50.0,
                "quietTimeMillis", 300L, "seed", 7L, "magnet", "level", "sensorNoiseKpa", 0.1)));

        assertEquals("bench-7", settings.id());
        assertEquals(2, settings.channels());
        assertEquals(40.0, settings.channelMaxVacuumKpa());
        assertEquals(50.0, settings.deviceMaxVacuumKpa());
        assertEquals(Duration.ofMillis(300), settings.quietTime());
        assertEquals(7L, settings.seed());
        assertEquals(MagnetSupport.LEVEL, settings.magnet());
        assertEquals(0.1, settings.physics().sensorNoiseKpa());
    }

    @Test
    void theDescriptorFollowsTheConfiguration() {
        SimulatorDriver driver = new SimulatorDriver(Configs.config(Map.of(
                "id", "bench-7", "channels", 2, "channelMaxVacuumKpa", 40.0, "magnet", "ON_OFF")));

        assertEquals("bench-7", driver.descriptor().id());
        assertEquals(2, driver.descriptor().channelCount());
        assertEquals(40.0, driver.descriptor().channels().get(1).maxVacuumKpa());
        assertEquals(MagnetSupport.ON_OFF, driver.descriptor().channels().get(1).magnet());
        assertEquals("cup 2", driver.descriptor().channels().get(1).label());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
        "id;             '';    id must be a non-blank name without whitespace, got ''",
        "id;             sim 1; id must be a non-blank name without whitespace, got 'sim 1'",
        "channels;       0;     channels must be between 1 and 16 channels, got 0",
        "channels;       17;    channels must be between 1 and 16 channels, got 17",
        "channelMaxVacuumKpa; 0; channelMaxVacuumKpa must be above 0 and at most 80.0 kPa, got 0.0",
        "channelMaxVacuumKpa; NaN; channelMaxVacuumKpa must be above 0 and at most 80.0 kPa, got NaN",
        "deviceMaxVacuumKpa; 81; deviceMaxVacuumKpa must be above 0 and at most 80.0 kPa, got 81.0",
        "deviceMaxVacuumKpa; 50; channelMaxVacuumKpa (60.0) must not exceed deviceMaxVacuumKpa (50.0)",
        "quietTimeMillis; 20;   quietTimeMillis must be between 50 and 1000 ms, got 20",
        "quietTimeMillis; 1001; quietTimeMillis must be between 50 and 1000 ms, got 1001",
        "magnet;         STRONG; magnet must be one of [NONE, ON_OFF, LEVEL], got 'STRONG'",
        "pumpMaxRiseKpaPerSecond; -1; pumpMaxRiseKpaPerSecond must be above 0 and at most 200.0 kPa/s, got -1.0",
        "pumpUltimateVacuumKpa; 120; pumpUltimateVacuumKpa must be above 0 and at most 100.0 kPa, got 120.0",
        "leakRatePerSecond; -0.1; leakRatePerSecond must be between 0.0 and 10.0 per second, got -0.1",
        "leakFaultRatePerSecond; 0.01; leakFaultRatePerSecond (0.01) must be larger than leakRatePerSecond (0.02): the fault is a larger leak",
        "tissueCompliancePerKpa; 0.5; tissueCompliancePerKpa must be between 0.0 and 0.1 per kPa, got 0.5",
        "ventRatePerSecond; 0; ventRatePerSecond must be above 0 and at most 200.0 per second, got 0.0",
        "sensorNoiseKpa; -0.05; sensorNoiseKpa must be between 0.0 and 5.0 kPa, got -0.05",
        "regulatorProportionalGain; 0; regulatorProportionalGain must be above 0 and at most 10.0 per kPa, got 0.0",
        "regulatorIntegralGain; Infinity; regulatorIntegralGain must be between 0.0 and 10.0 per kPa·s, got Infinity",
    })
    void aBadValueIsRefusedNamingThePropertyAndTheValue(String property, String value, String message) {
        SimulatorConfig config = Configs.config(property, typed(property, value));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SimulatorDriver(config));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aValueConfigurationAdminCannotConvertIsReportedByName() {
        SimulatorConfig config = Configs.config("channels", new NumberFormatException("For input string: \"four\""));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SimulatorDriver(config));
        assertTrue(e.getMessage().startsWith("channels has a value that cannot be read"), e.getMessage());
        assertTrue(e.getMessage().contains("four"), e.getMessage());
    }

    @Test
    void settingsBuiltInCodeAreCheckedTheSameWay() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulatorSettings.defaults().withChannels(0));
        assertEquals("channels must be between 1 and 16 channels, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SimulatorSettings.defaults().withQuietTime(Duration.ofMillis(1)));
    }

    /** The value as the annotation method returns it, so the proxy behaves like DS. */
    private static Object typed(String property, String value) {
        Class<?> type;
        try {
            type = SimulatorConfig.class.getMethod(property).getReturnType();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("no property " + property, e);
        }
        if (type == int.class) {
            return Integer.parseInt(value);
        } else if (type == long.class) {
            return Long.parseLong(value);
        } else if (type == double.class) {
            return Double.parseDouble(value);
        }
        return value;
    }
}
