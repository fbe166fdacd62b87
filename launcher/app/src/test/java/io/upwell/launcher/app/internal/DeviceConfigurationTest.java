package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceConfigurationTest {

    private static final Map<String, Object> WANTED = new LinkedHashMap<>(Map.of("deviceId", "iv-1", "port",
            "/tmp/host", "baud", 19_200, "channels", 4, "unitId", 1));

    @Test
    void aConfigurationWithTheSameValuesIsEqualWhateverTheirTypesAndExtraSettings() {
        Hashtable<String, Object> existing = new Hashtable<>(Map.of("deviceId", "iv-1", "port", "/tmp/host", "baud",
                "19200", "channels", 4L, "unitId", 1, "quietTimeMillis", 300L, "service.pid", "x~demo"));
        assertTrue(DeviceConfiguration.equal(existing, WANTED));
    }

    @Test
    void anyDifferentOrMissingValueMakesItAnother() {
        Hashtable<String, Object> otherPort = new Hashtable<>(Map.of("deviceId", "iv-1", "port", "/dev/ttyUSB0", "baud",
                19_200, "channels", 4, "unitId", 1));
        assertFalse(DeviceConfiguration.equal(otherPort, WANTED));
        Hashtable<String, Object> noUnit = new Hashtable<>(Map.of("deviceId", "iv-1", "port", "/tmp/host", "baud",
                19_200, "channels", 4));
        assertFalse(DeviceConfiguration.equal(noUnit, WANTED));
        assertFalse(DeviceConfiguration.equal(null, WANTED));
    }

    @Test
    void aDriverRefusalIsTheInnermostCauseOfWhatDeclarativeServicesRecorded() {
        String failure = String.join("\n",
                "java.lang.reflect.InvocationTargetException",
                "\tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)",
                "\tat org.apache.felix.scr.impl.inject.internal.ComponentConstructorImpl.newInstance(...)",
                "Caused by: java.lang.IllegalArgumentException: baud must be 300 to 1000000, got 5",
                "\tat io.upwell.devices.intervalvacuum.DriverSettings.<init>(DriverSettings.java:49)",
                "\t... 40 more");
        assertEquals("baud must be 300 to 1000000, got 5",
                EngineStartup.cause(DeviceConfiguration.rootCause(failure)));
        assertEquals("port is required",
                EngineStartup.cause(DeviceConfiguration.rootCause("java.lang.IllegalArgumentException: port is required")));
    }
}
