package io.upwell.devices.example.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration that cannot work is refused when it is applied, naming the property and the value. */
class ExampleSettingsTest {
    @TempDir
    Path dir;

    @Test
    void aGoodConfigurationGivesTheDeviceAndTheDefaultBaud() {
        ExampleSettings settings = ExampleSettings.from(config("port", "/dev/null", "deviceId", "ex-1"));

        assertEquals(new ExampleSettings("/dev/null", 115_200, "ex-1"), settings);
    }

    @Test
    void aMissingWrongOrAbsentPortIsRefusedSayingWhy() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-port"), "");

        assertEquals("port is missing: give the device's absolute path, such as "
                + "/dev/serial/by-id/usb-Example_EX-2_SN00042-if00 or /dev/ttyUSB0", refusal("deviceId", "ex-1"));
        assertEquals("port must be an absolute path, such as /dev/ttyUSB0, got 'ttyUSB0'",
                refusal("port", "ttyUSB0", "deviceId", "ex-1"));
        assertEquals("port '/dev/ttyNOPE9' does not exist: is the device plugged in, and is the path right? "
                + "(ls -l /dev/serial/by-id lists USB serial ports)", refusal("port", "/dev/ttyNOPE9", "deviceId", "ex-1"));
        assertEquals("port '" + file + "' is a regular file, not a serial port",
                refusal("port", file.toString(), "deviceId", "ex-1"));
        assertEquals("port '" + dir + "' is a directory, not a serial port", refusal("port", dir.toString(), "deviceId", "ex-1"));
    }

    @Test
    void aBaudTheDeviceCannotDoAndAMissingDeviceIdAreRefused() {
        assertEquals("baud must be one of [9600, 19200, 38400, 57600, 115200] (what the EX-2 can be set to), got 14400",
                refusal("port", "/dev/null", "deviceId", "ex-1", "baud", 14_400));
        assertEquals("deviceId is missing: give the engine's id for this device, such as ex-1", refusal("port", "/dev/null"));
        assertEquals("deviceId must not contain spaces, got 'ex 1'", refusal("port", "/dev/null", "deviceId", "ex 1"));
    }

    @Test
    void aValueDeclarativeServicesCannotConvertIsNamed() {
        String message = refusal("port", "/dev/null", "deviceId", "ex-1", "baud", new NumberFormatException("For input string: \"fast\""));

        assertEquals("baud has a value that is not of its type: For input string: \"fast\"", message);
    }

    private static String refusal(Object... properties) {
        return assertThrows(IllegalArgumentException.class, () -> ExampleSettings.from(config(properties))).getMessage();
    }

    /**
     * The configuration as Declarative Services hands it over: each property from the map, else its
     * declared default, else null; a value that is an exception is thrown when read, as DS does with a
     * value it cannot convert.
     */
    private static ExampleConfig config(Object... properties) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            values.put((String) properties[i], properties[i + 1]);
        }
        return (ExampleConfig) Proxy.newProxyInstance(ExampleConfig.class.getClassLoader(),
                new Class<?>[] {ExampleConfig.class}, (proxy, method, args) -> {
                    Object value = values.containsKey(method.getName()) ? values.get(method.getName())
                            : method.getDefaultValue();
                    if (value instanceof RuntimeException e) {
                        throw e;
                    }
                    return value;
                });
    }
}
