package io.upwell.devices.magneticcups.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds a {@link MagneticCupsConfig} as Declarative Services would: each property from the given map,
 * or its declared default, or null for a property without one that is not configured (the port, the
 * device id). A value that is a {@link RuntimeException} is thrown when the property is read, as DS does
 * when it cannot convert a configured value.
 */
final class Configs {

    private Configs() {
    }

    static MagneticCupsConfig config(Map<String, Object> properties) {
        return (MagneticCupsConfig) Proxy.newProxyInstance(MagneticCupsConfig.class.getClassLoader(),
                new Class<?>[] {MagneticCupsConfig.class}, (proxy, method, args) -> {
                    Object value = properties.containsKey(method.getName())
                            ? properties.get(method.getName())
                            : method.getDefaultValue();
                    if (value instanceof RuntimeException e) {
                        throw e;
                    }
                    return value;
                });
    }

    /** A valid configuration on {@code port} with {@code more} properties changed. */
    static MagneticCupsConfig on(String port, Object... more) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("port", port);
        properties.put("deviceId", "mc-1");
        for (int i = 0; i < more.length; i += 2) {
            properties.put((String) more[i], more[i + 1]);
        }
        return config(properties);
    }
}
