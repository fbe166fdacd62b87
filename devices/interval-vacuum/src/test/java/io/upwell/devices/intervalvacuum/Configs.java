package io.upwell.devices.intervalvacuum;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds an {@link IntervalVacuumConfig} as Declarative Services would: each property from the map,
 * or its declared default; a property without a default and not in the map reads as DS gives it, null
 * (or 0 for a number). A value that is a {@link RuntimeException} is thrown when the property is read,
 * as DS does when it cannot convert a configured value.
 */
final class Configs {

    private Configs() {
    }

    static IntervalVacuumConfig config(Map<String, Object> properties) {
        return (IntervalVacuumConfig) Proxy.newProxyInstance(IntervalVacuumConfig.class.getClassLoader(),
                new Class<?>[] {IntervalVacuumConfig.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "IntervalVacuumConfig" + properties : null;
                    }
                    Object value = properties.containsKey(method.getName())
                            ? properties.get(method.getName())
                            : method.getDefaultValue();
                    if (value instanceof RuntimeException e) {
                        throw e;
                    }
                    if (value == null && method.getReturnType().isPrimitive()) {
                        return zero(method.getReturnType());
                    }
                    return value;
                });
    }

    private static Object zero(Class<?> type) {
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0.0;
        }
        return type == boolean.class ? (Object) false : (Object) 0;
    }

    /** A device id and a port, everything else the defaults; then {@code property} set to {@code value}. */
    static IntervalVacuumConfig with(String port, String property, Object value) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("deviceId", "iv-1");
        properties.put("port", port);
        properties.put(property, value);
        return config(properties);
    }
}
