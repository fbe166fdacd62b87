package io.upwell.devices.simulator.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Builds a {@link SimulatorConfig} as Declarative Services would: each property from the given
 * map, or its declared default. A value that is a {@link RuntimeException} is thrown when the
 * property is read, as DS does when it cannot convert a configured value.
 */
final class Configs {

    private Configs() {
    }

    static SimulatorConfig config(Map<String, Object> properties) {
        return (SimulatorConfig) Proxy.newProxyInstance(SimulatorConfig.class.getClassLoader(),
                new Class<?>[] {SimulatorConfig.class}, (proxy, method, args) -> {
                    Object value = properties.containsKey(method.getName())
                            ? properties.get(method.getName())
                            : method.getDefaultValue();
                    if (value instanceof RuntimeException e) {
                        throw e;
                    }
                    if (value == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return value;
                });
    }

    static SimulatorConfig config(String property, Object value) {
        return config(Map.of(property, value));
    }
}
